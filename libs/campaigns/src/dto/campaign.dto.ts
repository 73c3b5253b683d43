import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf,
} from 'class-validator';
import { CAMPAIGN_CHANNELS, CampaignChannel } from '../campaign.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Absent: unchanged; null is not "absent" for a field that cannot be empty, so it is validated (and refused). */
const SetIfGiven = () => ValidateIf((_: object, v: unknown) => v !== undefined);

export class CampaignDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'percent off the offered trip' }) discountPercent: number;
  @ApiProperty({ description: 'percent of eligible customers held out as the control group' }) holdoutPercent: number;
  @ApiProperty({ enum: CAMPAIGN_CHANNELS, isArray: true, description: 'in order of preference' }) channels: CampaignChannel[];
  @ApiProperty({ type: String, nullable: true, example: '21:00', description: 'agency time' }) quietStart: string | null;
  @ApiProperty({ type: String, nullable: true, example: '09:00' }) quietEnd: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignDto] }) items: CampaignDto[];
}

export class CreateCampaignDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ minimum: 1, maximum: 90 }) @IsInt() @Min(1) @Max(90) discountPercent: number;
  @ApiProperty({ minimum: 0, maximum: 50 }) @IsInt() @Min(0) @Max(50) holdoutPercent: number;
  @ApiProperty({ enum: CAMPAIGN_CHANNELS, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CAMPAIGN_CHANNELS.length) @ArrayUnique() @IsIn(CAMPAIGN_CHANNELS, { each: true })
  channels: CampaignChannel[];
  @ApiPropertyOptional({ type: String, nullable: true, example: '21:00' }) @IsOptional() @Matches(HH_MM, { message: 'quietStart must be HH:MM' }) quietStart?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '09:00' }) @IsOptional() @Matches(HH_MM, { message: 'quietEnd must be HH:MM' }) quietEnd?: string | null;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

/** Every field optional: what is sent changes. The hold-out share applies to customers picked from now on. */
export class UpdateCampaignDto {
  @ApiPropertyOptional() @SetIfGiven() @Transform(trim) @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional() @SetIfGiven() @IsInt() @Min(1) @Max(90) discountPercent?: number;
  @ApiPropertyOptional() @SetIfGiven() @IsInt() @Min(0) @Max(50) holdoutPercent?: number;
  @ApiPropertyOptional({ enum: CAMPAIGN_CHANNELS, isArray: true })
  @SetIfGiven() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(CAMPAIGN_CHANNELS.length) @ArrayUnique() @IsIn(CAMPAIGN_CHANNELS, { each: true })
  channels?: CampaignChannel[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(HH_MM, { message: 'quietStart must be HH:MM' }) quietStart?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(HH_MM, { message: 'quietEnd must be HH:MM' }) quietEnd?: string | null;
  @ApiPropertyOptional() @SetIfGiven() @IsBoolean() active?: boolean;
}

export class CampaignResultsQueryDto {
  @ApiPropertyOptional({ description: 'figures as they stood at this moment (default now)' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 time' }) asOf?: string;
}

export class RevenueDto {
  @ApiProperty() currency: string;
  @ApiProperty({ description: 'minor units' }) value: number;
  @ApiProperty({ type: Number, nullable: true }) perCustomer: number | null;
}

export class GroupFiguresDto {
  @ApiProperty() customers: number;
  @ApiProperty({ description: 'messages delivered' }) sent: number;
  @ApiProperty({ description: 'customers with a sale within the conversion window after their message (or its would-be time)' }) converted: number;
  @ApiProperty({ type: Number, nullable: true }) conversionRate: number | null;
  @ApiProperty({ type: [RevenueDto] }) revenue: RevenueDto[];
}

export class MoneyDto {
  @ApiProperty() currency: string;
  @ApiProperty() value: number;
}

export class LiftDto {
  @ApiProperty({ type: Number, nullable: true, description: 'treated minus control conversion rate' }) conversionRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'treated over control rate, minus one' }) relative: number | null;
  @ApiProperty({ type: Number, nullable: true }) incrementalConversions: number | null;
  @ApiProperty({ type: [MoneyDto] }) incrementalRevenue: MoneyDto[];
}

export class CampaignResultsDto {
  @ApiProperty({ type: CampaignDto }) campaign: CampaignDto;
  @ApiProperty() asOf: string;
  @ApiProperty({ example: 90 }) conversionDays: number;
  @ApiProperty({ type: GroupFiguresDto }) treated: GroupFiguresDto;
  @ApiProperty({ type: GroupFiguresDto, description: 'the hold-out: picked, not messaged' }) control: GroupFiguresDto;
  @ApiProperty({ type: LiftDto }) lift: LiftDto;
}
