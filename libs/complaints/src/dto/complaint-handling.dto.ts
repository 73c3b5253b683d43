import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import { MAX_COMPENSATIONS } from '../complaint-compensation';
import { FOLLOW_UP_STATUSES } from '../complaint-follow-up';
import { ATTRIBUTIONS, CATEGORIES, PRIORITIES, SEVERITIES } from '../complaint-rules';
import { SLA_METRICS } from '../sla-clock';
import { CompensationDto, CorrectiveActionDto } from './complaint.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** PUT /complaints/{id}/compensations: the remedy as staff settle it (the same list accepts the proposal). */
export class EditCompensationsDto {
  @ApiProperty({ type: [CompensationDto], description: 'every compensation given, in order; the proposal unchanged accepts it' })
  @IsDefined() @IsArray() @ArrayMaxSize(MAX_COMPENSATIONS) @ValidateNested({ each: true }) @Type(() => CompensationDto) compensations: CompensationDto[];
  @ApiPropertyOptional({ type: CorrectiveActionDto, nullable: true, description: 'omitted: unchanged; null: none' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CorrectiveActionDto) correctiveAction?: CorrectiveActionDto | null;
}

export class CompensationTotalsQueryDto {
  @ApiPropertyOptional({ description: "one customer's totals (all time unless from/to)" }) @IsOptional() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'resolved on or after (agency date)' }) @IsOptional() @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'resolved on or before (agency date)' }) @IsOptional() @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' }) to?: string;
}

export class CompensationFiguresDto {
  @ApiProperty({ description: 'complaints with a compensation beyond the apology' }) complaints: number;
  @ApiProperty({ description: 'refunds, minor units of `currency`' }) refunds: number;
  @ApiProperty() vouchers: number;
  @ApiProperty({ description: 'gifts, upgrades, dedicated advisors, priority booking, alternative arrangements' }) others: number;
}

export class CompensationMonthDto extends CompensationFiguresDto {
  @ApiProperty({ example: '2026-03', description: 'agency month of the resolution' }) month: string;
}

export class CompensationCustomerDto extends CompensationFiguresDto {
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
}

export class CompensationTotalsDto {
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: [CompensationMonthDto], description: 'oldest first' }) months: CompensationMonthDto[];
  @ApiProperty({ type: [CompensationCustomerDto], description: 'the customers given the most, refunds first (at most 10)' }) customers: CompensationCustomerDto[];
  @ApiProperty({ type: CompensationFiguresDto }) total: CompensationFiguresDto;
}

export class FollowUpDto {
  @ApiProperty() id: string;
  @ApiProperty() complaintId: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ description: "the complaint's owner, who asks the customer" }) ownerId: string;
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty({ enum: PRIORITIES }) priority: string;
  @ApiProperty({ enum: ATTRIBUTIONS, nullable: true }) attribution: string | null;
  @ApiProperty() closedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: string;
  @ApiProperty({ type: Boolean, nullable: true }) satisfied: boolean | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredBy: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelledAt: string | null;
}

export class FollowUpListDto {
  @ApiProperty({ type: [FollowUpDto] }) items: FollowUpDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ComplaintFollowUpsDto {
  @ApiProperty({ type: [FollowUpDto], description: 'newest first; at most one pending' }) items: FollowUpDto[];
}

export class FollowUpListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, default: 'pending' }) @IsOptional() @IsIn(FOLLOW_UP_STATUSES) status?: string;
  @ApiPropertyOptional({ description: "only those of the caller's complaints" }) @IsOptional() @IsIn(['true', 'false']) mine?: string;
  @ApiPropertyOptional({ description: 'only those already due' }) @IsOptional() @IsIn(['true', 'false']) due?: string;
}

export class FollowUpAnswerDto {
  @ApiProperty({ description: 'whether the customer is satisfied with how the complaint was handled' }) @IsBoolean() satisfied: boolean;
  @ApiPropertyOptional({ description: 'what the customer said' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(5000) note?: string;
}

export class ComplaintReportQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'agency date, included' }) @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' }) from: string;
  @ApiProperty({ example: '2026-03-31', description: 'agency date, included' }) @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' }) to: string;
}

export class SlaFiguresDto {
  @ApiProperty({ description: 'targets decided: met or missed' }) targets: number;
  @ApiProperty() met: number;
  @ApiProperty() missed: number;
  @ApiProperty({ description: 'targets still running or paused' }) pending: number;
  @ApiProperty({ type: Number, nullable: true, description: 'met / targets, 0..1; null when none was decided' }) share: number | null;
}

export class SlaMetricFiguresDto extends SlaFiguresDto {
  @ApiProperty({ enum: SLA_METRICS }) metric: string;
  @ApiProperty({ type: Number, nullable: true, description: "median time to meet, minutes of the clock's running time" }) medianMinutes: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Minutes: number | null;
}

export class SlaSeverityFiguresDto extends SlaFiguresDto {
  @ApiProperty({ enum: SEVERITIES }) severity: string;
}

export class SlaTierFiguresDto extends SlaFiguresDto {
  @ApiProperty({ type: String, nullable: true, description: 'the tier at intake; null: none' }) tier: string | null;
}

export class SlaAgentFiguresDto extends SlaFiguresDto {
  @ApiProperty() agentId: string;
  @ApiProperty() agentName: string;
}

export class SlaWeekFiguresDto extends SlaFiguresDto {
  @ApiProperty({ example: '2026-03-02', description: 'the Monday the week starts on (agency time)' }) week: string;
}

export class ComplaintReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ enum: ['all', 'own'], description: "managers and admins see everyone's; others their own complaints" }) scope: string;
  @ApiProperty({ description: 'complaints received in the range' }) complaints: number;
  @ApiProperty({ type: SlaFiguresDto }) overall: SlaFiguresDto;
  @ApiProperty({ type: [SlaMetricFiguresDto] }) byMetric: SlaMetricFiguresDto[];
  @ApiProperty({ type: [SlaSeverityFiguresDto] }) bySeverity: SlaSeverityFiguresDto[];
  @ApiProperty({ type: [SlaTierFiguresDto] }) byTier: SlaTierFiguresDto[];
  @ApiProperty({ type: [SlaAgentFiguresDto] }) byAgent: SlaAgentFiguresDto[];
  @ApiProperty({ type: [SlaWeekFiguresDto], description: 'every week of the range, oldest first' }) byWeek: SlaWeekFiguresDto[];
  @ApiProperty({ type: CompensationTotalsDto, description: 'compensations given on complaints resolved in the range' }) compensation: CompensationTotalsDto;
}
