import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import { CAMPAIGN_CHANNELS } from '../campaign.entity';

export const MESSAGE_STATES = ['pending', 'sent', 'failed'] as const;

export class CustomerMessageQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'campaignId must be a campaign id' }) campaignId?: string;
  @ApiPropertyOptional({ enum: CAMPAIGN_CHANNELS }) @IsOptional() @IsIn(CAMPAIGN_CHANNELS) channel?: (typeof CAMPAIGN_CHANNELS)[number];
  @ApiPropertyOptional({ enum: MESSAGE_STATES }) @IsOptional() @IsIn(MESSAGE_STATES) state?: (typeof MESSAGE_STATES)[number];
}

/** A message to a customer: a campaign's reactivation message or a trip touch-point, with its delivery state. */
export class CustomerMessageDto {
  @ApiProperty({ description: 'the outgoing message id' }) id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ description: "'reactivation' for a campaign's message, otherwise the touch-point's kind" }) kind: string;
  @ApiProperty({ type: String, nullable: true }) campaignId: string | null;
  @ApiProperty({ type: String, nullable: true }) campaignName: string | null;
  @ApiProperty({ enum: CAMPAIGN_CHANNELS }) channel: string;
  @ApiProperty() recipient: string;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ enum: MESSAGE_STATES }) state: string;
  @ApiProperty({ type: String, nullable: true, description: 'when a pending message goes out (after quiet hours)' }) dueAt: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() createdAt: string;
}

export class CustomerMessageListDto {
  @ApiProperty({ type: [CustomerMessageDto] }) items: CustomerMessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
