import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import { FieldChanges } from '../audit-changes';

export const ACTOR_TYPES = ['user', 'api_key', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Filters of the audit log; every one optional, all of them together narrow the list. */
export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ACTOR_TYPES })
  @IsOptional()
  @IsIn(ACTOR_TYPES)
  actorType?: ActorType;

  @ApiPropertyOptional({ description: 'Id of the user or API key that wrote', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'What kind of record: customer, user, api_key, …', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional({ description: "The record's id", maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ description: 'An action or its beginning: "customer.update", or "customer." for every customer action', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this ISO-8601 time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 time' })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries before this ISO-8601 time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 time' })
  to?: string;
}

export class AuditActorDto {
  @ApiProperty({ enum: ACTOR_TYPES }) type: ActorType;
  @ApiProperty({ type: String, nullable: true, description: 'null for the system (jobs)' }) id: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The user's name or the API key's name; null for the system" }) name: string | null;
}

/** One changed field: any JSON value before and after (null where there was or is none). */
const FIELD_CHANGE_SCHEMA: SchemaObject = { type: 'object', properties: { before: {}, after: {} }, required: ['before', 'after'] };

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'When it was written, ISO-8601' }) at: string;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ example: 'customer.update' }) action: string;
  @ApiProperty({ example: 'customer' }) entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The caller's IP; null for jobs" }) ip: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'What else the action needs said (a denied request, a transfer count)' })
  details: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: FIELD_CHANGE_SCHEMA,
    nullable: true,
    description: 'The changed fields by name; secrets show only "[redacted]"',
  })
  changes: FieldChanges | null;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
