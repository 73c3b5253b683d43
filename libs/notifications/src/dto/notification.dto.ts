import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@crm/platform';

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'tier.changed' }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) entityType: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty() unread: number;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?: 'true' | 'false';
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'these notifications; all of mine when absent' })
  @IsOptional() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'ids must be notification ids' })
  ids?: string[];
}

export class MarkReadResultDto {
  @ApiProperty() marked: number;
}
