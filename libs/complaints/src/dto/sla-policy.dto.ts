import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CLOSING_PATTERN, OPENING_PATTERN } from '../business-time';

/** A month: longer targets are a typo, not a promise to a customer. */
const MAX_TARGET_MINUTES = 31 * 24 * 60;

const Minutes = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description: 'minutes; null or absent: no target (in a tier: the severity’s own)' }),
    IsOptional(),
    IsInt({ message: '$property must be a whole number of minutes' }),
    Min(1, { message: '$property must be at least 1 minute' }),
    Max(MAX_TARGET_MINUTES, { message: `$property must be at most ${MAX_TARGET_MINUTES} minutes (31 days)` }),
  );
const Nested = (type: () => new () => object, required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ type: type() }),
    required ? IsDefined() : IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(type),
  );

/** Minutes per metric (the metric names of the clocks); an unknown metric is refused. */
export class SlaMetricTargetsDto {
  @Minutes() initial_solution?: number | null;
  @Minutes() emergency_team?: number | null;
  @Minutes() customer_update?: number | null;
  @Minutes() resolution?: number | null;
}

export class SlaSeverityTargetsDto {
  @Nested(() => SlaMetricTargetsDto, true) ordinary: SlaMetricTargetsDto;
  @Nested(() => SlaMetricTargetsDto, true) major: SlaMetricTargetsDto;
}

export class SlaTierSeverityTargetsDto {
  @Nested(() => SlaMetricTargetsDto, false) ordinary?: SlaMetricTargetsDto;
  @Nested(() => SlaMetricTargetsDto, false) major?: SlaMetricTargetsDto;
}

/** Per customer tier (at intake), targets that replace the severity's own. */
export class SlaTierTargetsDto {
  @Nested(() => SlaTierSeverityTargetsDto, false) A?: SlaTierSeverityTargetsDto;
  @Nested(() => SlaTierSeverityTargetsDto, false) B?: SlaTierSeverityTargetsDto;
  @Nested(() => SlaTierSeverityTargetsDto, false) C?: SlaTierSeverityTargetsDto;
  @Nested(() => SlaTierSeverityTargetsDto, false) D?: SlaTierSeverityTargetsDto;
}

const Switch = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean, default: false, description: 'true: counts the calendar’s open hours only; false: around the clock' }),
    IsOptional(),
    IsBoolean({ message: '$property must be true or false' }),
  );

/** Per metric: business hours (true) or calendar hours (false, the default: travel runs around the clock). */
export class SlaBusinessHoursDto {
  @Switch() initial_solution?: boolean;
  @Switch() emergency_team?: boolean;
  @Switch() customer_update?: boolean;
  @Switch() resolution?: boolean;
}

const Dates = () =>
  applyDecorators(
    ApiProperty({ type: [String], example: ['2026-10-01'], description: 'dates YYYY-MM-DD' }),
    IsArray(),
    ArrayMaxSize(1000),
    IsString({ each: true, message: 'each of $property must be a date YYYY-MM-DD' }),
  );

/** The business-hours calendar, wall-clock time in the agency's time zone. */
export class WorkCalendarDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays: 1 Monday … 7 Sunday' })
  @IsArray() @ArrayMinSize(1, { message: 'workingDays must name at least one weekday' }) @ArrayUnique({ message: 'workingDays must not repeat a weekday' })
  @IsIn([1, 2, 3, 4, 5, 6, 7], { each: true, message: 'workingDays must be weekdays 1 (Monday) to 7 (Sunday)' })
  workingDays: number[];

  @ApiProperty({ example: '09:00' }) @Matches(OPENING_PATTERN, { message: 'opensAt must be a time HH:MM' }) opensAt: string;
  @ApiProperty({ example: '18:00', description: '24:00 for midnight' }) @Matches(CLOSING_PATTERN, { message: 'closesAt must be a time HH:MM (24:00 for midnight)' }) closesAt: string;
  @Dates() holidays: string[];
  /** China's make-up workdays (调休). */
  @Dates() extraWorkingDays: string[];
}

export class SaveSlaPolicyDto {
  @Nested(() => SlaSeverityTargetsDto, true) targets: SlaSeverityTargetsDto;
  @Nested(() => SlaTierTargetsDto, false) tierTargets?: SlaTierTargetsDto;
  @Nested(() => SlaBusinessHoursDto, false) businessHours?: SlaBusinessHoursDto;
  @Nested(() => WorkCalendarDto, true) calendar: WorkCalendarDto;
  @ApiPropertyOptional({ description: 'why it changed' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class SlaPolicyDto {
  @ApiProperty({ description: '0 while the defaults have never been saved' }) version: number;
  @ApiProperty({ type: SlaSeverityTargetsDto }) targets: SlaSeverityTargetsDto;
  @ApiProperty({ type: SlaTierTargetsDto }) tierTargets: SlaTierTargetsDto;
  @ApiProperty({ type: SlaBusinessHoursDto }) businessHours: Required<SlaBusinessHoursDto>;
  @ApiProperty({ type: WorkCalendarDto }) calendar: WorkCalendarDto;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'the agency’s time zone (configuration), in which the calendar is read' }) timeZone: string;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, nullable: true }) createdAt: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class SlaPolicyListDto {
  @ApiProperty({ type: [SlaPolicyDto] }) items: SlaPolicyDto[];
}
