import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidateNested,
} from 'class-validator';
import { IsTimeWithOffset, isCalendarDate } from '@crm/platform';
import { CATEGORIES, SEVERITIES } from '@crm/complaints';
import { VISIT_KINDS } from '../visit-compliance';
import { INTERACTION_KINDS, OPPORTUNITY_KINDS, VISIT_STATUSES } from '../visit.entity';
import { RECURRENCES } from '../visit-schedule';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const IsCalendarDate = (field: string) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: (v) => isCalendarDate(v), defaultMessage: () => `${field} must be a date YYYY-MM-DD` } });
const IsUserId = (field: string) => IsUUID('all', { message: `${field} must be a user id` });

// Plans

class PlanRuleFieldsDto {
  @ApiProperty({ enum: RECURRENCES }) @IsIn(RECURRENCES) recurrence: (typeof RECURRENCES)[number];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'every_n_weeks: 2–52' }) @IsOptional() @IsInt() @Min(2) @Max(52) intervalWeeks?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'ISO weekday 1 (Monday) … 7 (Sunday)' }) @IsOptional() @IsInt() @Min(1) @Max(7) weekday?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'monthly_nth_weekday: 1–5, or -1 for the last' }) @IsOptional() @IsInt() @IsIn([1, 2, 3, 4, 5, -1], { message: 'nth must be 1 to 5, or -1 for the last' }) nth?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'monthly_day: 1–31, clamped to the month' }) @IsOptional() @IsInt() @Min(1) @Max(31) monthDay?: number | null;
  @ApiProperty({ example: '10:00', description: 'wall clock in the agency time zone' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:MM' }) time: string;
  @ApiProperty({ example: 60 }) @IsInt() @Min(5) @Max(720) durationMinutes: number;
  @ApiProperty({ example: '2026-03-02' }) @IsCalendarDate('startDate') startDate: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-31' }) @IsOptional() @IsCalendarDate('endDate') endDate?: string | null;
}

export class CreateVisitPlanDto extends PlanRuleFieldsDto {
  @ApiProperty() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'one of the customer’s contacts' }) @IsOptional() @IsUUID('all', { message: 'contactId must be a contact id' }) contactId?: string | null;
  @ApiPropertyOptional({ description: 'who visits; the customer’s owner by default (the caller for executive visits)' }) @IsOptional() @IsUserId('managerId') managerId?: string;
  @ApiProperty({ enum: VISIT_KINDS }) @IsIn(VISIT_KINDS) kind: (typeof VISIT_KINDS)[number];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) place?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the stop’s place in the day’s route, 1 first' }) @IsOptional() @IsInt() @Min(1) @Max(50) routeOrder?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) note?: string | null;
}

/** Every field optional: what is sent changes, from now on; visits already moved or recorded stay as they are. */
export class UpdateVisitPlanDto {
  @ApiPropertyOptional({ enum: RECURRENCES }) @IsOptional() @IsIn(RECURRENCES) recurrence?: (typeof RECURRENCES)[number];
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(2) @Max(52) intervalWeeks?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(7) weekday?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @IsIn([1, 2, 3, 4, 5, -1], { message: 'nth must be 1 to 5, or -1 for the last' }) nth?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(31) monthDay?: number | null;
  @ApiPropertyOptional() @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:MM' }) time?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(720) durationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate('startDate') startDate?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsCalendarDate('endDate') endDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID('all', { message: 'contactId must be a contact id' }) contactId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUserId('managerId') managerId?: string;
  @ApiPropertyOptional({ enum: VISIT_KINDS }) @IsOptional() @IsIn(VISIT_KINDS) kind?: (typeof VISIT_KINDS)[number];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) place?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(50) routeOrder?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) note?: string | null;
}

export class EndVisitPlanDto {
  @ApiPropertyOptional({ description: 'the last day with a visit; today by default' }) @IsOptional() @IsCalendarDate('endDate') endDate?: string;
}

export class VisitPlanListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUserId('managerId') managerId?: string;
  @ApiPropertyOptional({ description: 'only plans not yet ended' }) @IsOptional() @IsIn(['true', 'false']) active?: string;
}

export class VisitPlanDto {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ type: String, nullable: true }) contactId: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty() managerId: string;
  @ApiProperty() managerName: string;
  @ApiProperty({ enum: VISIT_KINDS }) kind: string;
  @ApiProperty({ enum: RECURRENCES }) recurrence: string;
  @ApiProperty({ type: Number, nullable: true }) intervalWeeks: number | null;
  @ApiProperty({ type: Number, nullable: true }) weekday: number | null;
  @ApiProperty({ type: Number, nullable: true }) nth: number | null;
  @ApiProperty({ type: Number, nullable: true }) monthDay: number | null;
  @ApiProperty() time: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: Number, nullable: true }) routeOrder: number | null;
  @ApiProperty() startDate: string;
  @ApiProperty({ type: String, nullable: true }) endDate: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [String], description: 'the next visits it gives (up to 5), YYYY-MM-DD' }) nextDates: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class VisitPlanListDto {
  @ApiProperty({ type: [VisitPlanDto] }) items: VisitPlanDto[];
}

// Visits

export class VisitDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) planId: string | null;
  @ApiProperty({ type: String, nullable: true }) planDate: string | null;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ type: String, nullable: true }) customerTier: string | null;
  @ApiProperty({ type: String, nullable: true }) contactId: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty() managerId: string;
  @ApiProperty() managerName: string;
  @ApiProperty({ enum: VISIT_KINDS }) kind: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: Number, nullable: true }) routeOrder: number | null;
  @ApiProperty({ enum: VISIT_STATUSES }) status: string;
  @ApiProperty({ description: 'moved on its own: plan edits leave it alone' }) detached: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'why it was missed or cancelled' }) reason: string | null;
  @ApiProperty() hasRecord: boolean;
}

export class VisitConflictDto {
  @ApiProperty({ enum: ['overlap', 'holiday'] }) kind: string;
  @ApiProperty({ type: [String] }) visitIds: string[];
  @ApiProperty({ type: String, nullable: true }) managerId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'holiday: the date and its name' }) date: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class VisitHolidayDto {
  @ApiProperty({ example: '2026-10-01' }) date: string;
  @ApiProperty({ example: '国庆节' }) name: string;
}

export class VisitHolidayListDto {
  @ApiProperty({ type: [VisitHolidayDto] }) items: VisitHolidayDto[];
}

export class SetVisitHolidayDto {
  @ApiProperty({ example: '国庆节' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;
}

export class VisitHolidayQueryDto {
  @ApiProperty({ example: '2026-01-01' }) @IsCalendarDate('from') from: string;
  @ApiProperty({ example: '2026-12-31' }) @IsCalendarDate('to') to: string;
}

export class VisitCalendarDto {
  @ApiProperty({ type: [VisitDto] }) items: VisitDto[];
  @ApiProperty({ type: [VisitConflictDto] }) conflicts: VisitConflictDto[];
  @ApiProperty({ type: [VisitHolidayDto] }) holidays: VisitHolidayDto[];
}

export class VisitListQueryDto {
  @ApiPropertyOptional({ description: 'first day (agency time), YYYY-MM-DD' }) @IsOptional() @IsCalendarDate('from') from?: string;
  @ApiPropertyOptional({ description: 'last day, inclusive; at most 62 days after from' }) @IsOptional() @IsCalendarDate('to') to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUserId('managerId') managerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId?: string;
  @ApiPropertyOptional({ enum: VISIT_STATUSES }) @IsOptional() @IsIn(VISIT_STATUSES) status?: string;
}

export class MoveVisitDto {
  @ApiProperty({ example: '2026-03-04T15:00:00+08:00' }) @IsTimeWithOffset('startsAt') startsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(720) durationMinutes?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) place?: string | null;
}

export class VisitReasonDto {
  @ApiProperty({ example: '客户临时出差' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(1000) reason: string;
}

export class VisitAttendeeDto {
  @ApiProperty({ example: '张总' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ enum: ['customer', 'agency'] }) @IsIn(['customer', 'agency']) side: 'customer' | 'agency';
  @ApiPropertyOptional({ type: String, nullable: true, example: '行政总监' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) role?: string | null;
}

export class VisitProblemInDto {
  @ApiProperty({ example: '上次三亚团的酒店卫生不达标' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000) description: string;
}

export class VisitProblemDto {
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true, description: 'the complaint it became' }) complaintId: string | null;
}

export class VisitOpportunityDto {
  @ApiProperty({ enum: OPPORTUNITY_KINDS }) @IsIn(OPPORTUNITY_KINDS) kind: (typeof OPPORTUNITY_KINDS)[number];
  @ApiProperty({ example: '年底 40 人团建，考虑云南' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000) description: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'minor units (CNY)' }) @IsOptional() @IsInt() @Min(0) @Max(1e13) budget?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsCalendarDate('expectedOn') expectedOn?: string | null;
}

export class VisitNextStepInDto {
  @ApiPropertyOptional({ description: 'an existing next step of this record, to keep or change it' }) @IsOptional() @IsUUID('all', { message: 'id must be a next step id' }) id?: string;
  @ApiProperty({ example: '发送云南团建方案' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(500) title: string;
  @ApiProperty() @IsUserId('ownerId') ownerId: string;
  @ApiProperty({ example: '2026-03-10' }) @IsCalendarDate('dueOn') dueOn: string;
}

/** The communication record (大客户沟通记录表). */
export class VisitRecordInDto {
  @ApiProperty({ type: [VisitAttendeeDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => VisitAttendeeDto) attendees: VisitAttendeeDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the customer’s opinions and feedback' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(10000) feedback?: string | null;
  @ApiProperty({ type: [VisitProblemInDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => VisitProblemInDto) problems: VisitProblemInDto[];
  @ApiProperty({ type: [VisitOpportunityDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => VisitOpportunityDto) opportunities: VisitOpportunityDto[];
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) satisfaction?: number | null;
  @ApiProperty({ type: [VisitNextStepInDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => VisitNextStepInDto) nextSteps: VisitNextStepInDto[];
}

export class VisitTaskDto {
  @ApiProperty() id: string;
  @ApiProperty() visitId: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty() title: string;
  @ApiProperty() ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty() dueOn: string;
  @ApiProperty({ type: String, nullable: true }) doneAt: string | null;
}

export class VisitTaskListDto {
  @ApiProperty({ type: [VisitTaskDto] }) items: VisitTaskDto[];
}

export class VisitTaskDoneDto {
  @ApiProperty() @IsBoolean() done: boolean;
}

export class VisitRecordDto {
  @ApiProperty({ type: [VisitAttendeeDto] }) attendees: VisitAttendeeDto[];
  @ApiProperty({ type: String, nullable: true }) feedback: string | null;
  @ApiProperty({ type: [VisitProblemDto] }) problems: VisitProblemDto[];
  @ApiProperty({ type: [VisitOpportunityDto] }) opportunities: VisitOpportunityDto[];
  @ApiProperty({ type: Number, nullable: true }) satisfaction: number | null;
  @ApiProperty({ type: [VisitTaskDto] }) nextSteps: VisitTaskDto[];
  @ApiProperty({ type: String, nullable: true }) authorId: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class VisitDetailDto extends VisitDto {
  @ApiProperty({ type: VisitRecordDto, nullable: true }) record: VisitRecordDto | null;
}

export class VisitListDto {
  @ApiProperty({ type: [VisitDetailDto] }) items: VisitDetailDto[];
}

/** A visit or call recorded after the fact, with its record. */
export class UnplannedVisitDto {
  @ApiProperty() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID('all', { message: 'contactId must be a contact id' }) contactId?: string | null;
  @ApiProperty({ enum: VISIT_KINDS }) @IsIn(VISIT_KINDS) kind: (typeof VISIT_KINDS)[number];
  @ApiProperty({ example: '2026-03-02T15:00:00+08:00' }) @IsTimeWithOffset('startsAt') startsAt: string;
  @ApiProperty({ example: 45 }) @IsInt() @Min(5) @Max(720) durationMinutes: number;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) place?: string | null;
  @ApiProperty({ type: VisitRecordInDto }) @ValidateNested() @Type(() => VisitRecordInDto) record: VisitRecordInDto;
}

export class VisitProblemComplaintDto {
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES) category: (typeof CATEGORIES)[number];
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity: (typeof SEVERITIES)[number];
}

export class VisitProblemComplaintResultDto {
  @ApiProperty() complaintId: string;
  @ApiProperty({ type: VisitDetailDto }) visit: VisitDetailDto;
}

export class VisitDayStopDto extends VisitDetailDto {
  @ApiProperty({ description: 'open complaints of the customer' }) openComplaints: number;
  @ApiProperty({ type: [VisitTaskDto], description: 'the open next steps of the customer’s last record' }) lastNextSteps: VisitTaskDto[];
  @ApiProperty({ type: String, nullable: true, description: 'when the customer was last visited' }) lastVisitAt: string | null;
}

export class VisitDayDto {
  @ApiProperty() date: string;
  @ApiProperty({ type: [VisitDayStopDto], description: 'in route order' }) items: VisitDayStopDto[];
  @ApiProperty({ type: [VisitConflictDto] }) conflicts: VisitConflictDto[];
}

export class VisitDayQueryDto {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD, today (agency time) by default' }) @IsOptional() @IsCalendarDate('date') date?: string;
  @ApiPropertyOptional({ description: 'whose day (managers and admins); the caller by default' }) @IsOptional() @IsUserId('managerId') managerId?: string;
}

// Interactions

export class InteractionInputDto {
  @ApiProperty({ enum: INTERACTION_KINDS }) @IsIn(INTERACTION_KINDS) kind: (typeof INTERACTION_KINDS)[number];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string | null;
  @ApiPropertyOptional({ description: 'when it happened; now by default' }) @IsOptional() @IsTimeWithOffset('at') at?: string;
}

export class InteractionDto {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ enum: INTERACTION_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true }) userName: string | null;
}

export class InteractionListDto {
  @ApiProperty({ type: [InteractionDto] }) items: InteractionDto[];
}

// Calendar feed

export class VisitCalendarFeedDto {
  @ApiProperty({ description: 'whether the caller has a feed' }) exists: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the feed URL path with its secret token: only in the answer that made it' }) url: string | null;
  @ApiProperty({ type: String, nullable: true }) createdAt: string | null;
}
