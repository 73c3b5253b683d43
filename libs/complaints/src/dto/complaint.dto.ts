import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { EXTERNAL_ID_PATTERN, IsTimeWithOffset, PageQueryDto, externalIdMessage } from '@crm/platform';
import {
  ATTRIBUTIONS, Attribution, CATEGORIES, CHANNELS, COMPENSATION_KINDS, Category, Channel, CompensationKind, EVENT_TYPES, EventType,
  PRIORITIES, STATUSES, SEVERITIES, Severity,
} from '../complaint-rules';
import { SLA_METRICS } from '../sla-clock';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Events staff record through POST /complaints/{id}/events; resolving has its own route (attribution). */
const STAFF_EVENTS = EVENT_TYPES.filter((e) => e !== 'received' && e !== 'resolved');

export class ComplaintCustomerRefDto {
  @ApiProperty({ example: 'C-1001', description: 'the customer as the same source names it (sent with its bookings)' })
  @Matches(EXTERNAL_ID_PATTERN, { message: externalIdMessage('customer.externalId') }) externalId: string;
}

/** What both intakes share. */
class ComplaintFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'B-20260301-001' }) @IsOptional() @Matches(EXTERNAL_ID_PATTERN, { message: externalIdMessage('bookingExternalId') }) bookingExternalId?: string | null;
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity: Severity;
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES) category: Category;
  @ApiProperty({ example: '酒店房间有霉味，要求换房未果' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(5000) description: string;
  @ApiProperty({ example: '2026-03-02T21:15:00+08:00' }) @IsTimeWithOffset('receivedAt') receivedAt: string;
}

/** The body of PUT /complaints/{source}/{externalId}: `customer` or `customerId`, not both. */
export class ComplaintBodyDto extends ComplaintFieldsDto {
  @ApiPropertyOptional({ type: ComplaintCustomerRefDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ComplaintCustomerRefDto) customer?: ComplaintCustomerRefDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId?: string;
}

/** A complaint taken in the console (a call, a chat, a message). */
export class CreateComplaintDto extends ComplaintFieldsDto {
  @ApiProperty() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: Channel;
  @ApiPropertyOptional({ description: 'the agent handling it; the caller by default' }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
}

export class ComplaintEventInputDto {
  @ApiProperty({ enum: STAFF_EVENTS }) @IsIn(STAFF_EVENTS) type: EventType;
  @ApiPropertyOptional({ description: 'the solution, the team, the update given…' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) note?: string;
}

export class AssignDto {
  @ApiProperty() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId: string;
}

export class CompensationDto {
  @ApiProperty({ enum: COMPENSATION_KINDS }) @IsIn(COMPENSATION_KINDS) kind: CompensationKind;
  @ApiPropertyOptional({ description: 'refunds: minor units (CNY)' }) @IsOptional() @IsInt() @Min(0) @Max(1e13) amount?: number;
  @ApiPropertyOptional({ description: 'vouchers: percent off' }) @IsOptional() @IsInt() @Min(1) @Max(100) percent?: number;
  @ApiPropertyOptional({ example: '2027-03-01' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiresOn must be a date YYYY-MM-DD' }) expiresOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CorrectiveActionDto {
  @ApiProperty({ example: '导游上岗前重新培训' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000) action: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-03-20' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn must be a date YYYY-MM-DD' }) dueOn?: string | null;
}

export class ResolveDto {
  @ApiProperty({ enum: ATTRIBUTIONS }) @IsIn(ATTRIBUTIONS) attribution: Attribution;
  @ApiPropertyOptional({ type: [CompensationDto], description: 'omitted: the standard remedy for the attribution' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CompensationDto) compensations?: CompensationDto[];
  @ApiPropertyOptional({ type: CorrectiveActionDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => CorrectiveActionDto) correctiveAction?: CorrectiveActionDto;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) note?: string;
}

/** Required before an incident (lost luggage, lost traveller, safety) is closed. */
export class IncidentReportDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) whatHappened: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) stepsTaken: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) customerReaction: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) outcome: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) responsibility: string;
}

export class SlaClockDto {
  @ApiProperty({ enum: SLA_METRICS }) metric: string;
  @ApiProperty({ type: String, nullable: true }) dueAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'when 80 % of the target is used up (in the clock’s own time); null unless it runs' }) warnAt: string | null;
  @ApiProperty({ enum: ['running', 'paused', 'met', 'breached'] }) state: string;
  @ApiProperty({ type: String, nullable: true }) metAt: string | null;
}

export class ComplaintDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: String, nullable: true }) externalId: string | null;
  @ApiProperty() customerId: string;
  @ApiProperty({ type: String, nullable: true }) bookingExternalId: string | null;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty() description: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty() ownerId: string;
  @ApiProperty({ enum: PRIORITIES }) priority: string;
  @ApiProperty({ type: String, nullable: true, description: 'the customer tier at intake' }) tier: string | null;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) nextDueAt: string | null;
  @ApiProperty({ type: [SlaClockDto] }) sla: SlaClockDto[];
  @ApiProperty({ description: 'the service-level policy version its clocks follow: the one in force when it was received (0: the defaults)' }) slaPolicyVersion: number;
  @ApiProperty({ enum: ATTRIBUTIONS, nullable: true }) attribution: string | null;
  @ApiProperty({ type: [CompensationDto] }) compensations: CompensationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'who accepted or changed the compensations; null while the proposal stands' }) compensationsDecidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) compensationsDecidedAt: string | null;
  @ApiProperty({ type: CorrectiveActionDto, nullable: true }) correctiveAction: CorrectiveActionDto | null;
  @ApiProperty({ type: IncidentReportDto, nullable: true }) incidentReport: IncidentReportDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ComplaintEventDto {
  @ApiProperty({ enum: EVENT_TYPES }) type: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class ComplaintDetailDto extends ComplaintDto {
  @ApiProperty({ type: [ComplaintEventDto], description: 'the timeline, oldest first' }) events: ComplaintEventDto[];
}

export class ComplaintListDto {
  @ApiProperty({ type: [ComplaintDto] }) items: ComplaintDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ComplaintListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: string;
  @ApiPropertyOptional({ description: 'only complaints not yet resolved' }) @IsOptional() @IsIn(['true', 'false']) open?: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: string;
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: string;
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
  @ApiPropertyOptional({ description: 'complaints whose owner is in this team' }) @IsOptional() @IsUUID('all', { message: 'teamId must be a team id' }) teamId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId?: string;
}
