import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES, MessageChannel, MessageStatus } from '../outgoing-message.entity';

export class OutgoingMessageDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MESSAGE_CHANNELS }) channel: MessageChannel;
  @ApiProperty() recipient: string;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status: MessageStatus;
  @ApiProperty({ description: 'a sender holds it right now' }) sending: boolean;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'pending: not tried before this' }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the outbox event it came from' }) sourceEventId: string | null;
  @ApiProperty() createdAt: string;
}

export class MessageDeliveryDto {
  @ApiProperty({ description: 'SMTP_URL is set: pending e-mails are sent by the send-messages job' }) email: boolean;
  @ApiProperty({ description: 'no SMS provider exists yet: SMS stay pending' }) sms: boolean;
}

export class OutgoingMessageListDto {
  @ApiProperty({ type: [OutgoingMessageDto] }) items: OutgoingMessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: MessageDeliveryDto }) delivery: MessageDeliveryDto;
}

export class OutgoingMessageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES }) @IsOptional() @IsIn(MESSAGE_STATUSES) status?: MessageStatus;
  @ApiPropertyOptional({ enum: MESSAGE_CHANNELS }) @IsOptional() @IsIn(MESSAGE_CHANNELS) channel?: MessageChannel;
}
