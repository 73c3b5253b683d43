import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const Percent = () => IsNumber({ maxDecimalPlaces: 2 }, { message: '$property must be a percentage with at most two decimals' });

export class TierRulesDto {
  @ApiProperty({ default: 12 }) @IsInt() @Min(1) @Max(60) salesWindowMonths: number;
  @ApiProperty({ default: 50 }) @Percent() @Min(1) @Max(99) aSharePercent: number;
  @ApiProperty({ default: 80 }) @Percent() @Min(1) @Max(100) bSharePercent: number;
  @ApiProperty({ default: 2 }) @IsInt() @Min(1) @Max(100) lateMinCount: number;
  @ApiProperty({ default: 50 }) @Percent() @Min(1) @Max(100) lateMinSharePercent: number;
  @ApiProperty({ default: 2 }) @IsInt() @Min(1) @Max(100) loyaltyMinBookings: number;
  @ApiProperty({ default: 24 }) @IsInt() @Min(1) @Max(120) loyaltyWindowMonths: number;
  @ApiProperty({ default: 12 }) @IsInt() @Min(1) @Max(120) loyaltyRecentMonths: number;
  @ApiProperty({ default: 6 }) @IsInt() @Min(1) @Max(24) signalWindowMonths: number;
  @ApiProperty({ default: 33.33 }) @Percent() @Min(1) @Max(100) decliningDropPercent: number;
  @ApiProperty({ default: 2 }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(1) @Max(100) risingFactor: number;
}

export class TierServiceDto {
  @ApiProperty({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(3650) visitEveryDays: number | null;
  @ApiProperty({ enum: ['in_person', 'phone', 'none'] }) @IsIn(['in_person', 'phone', 'none']) visitMode: 'in_person' | 'phone' | 'none';
  @ApiProperty({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(3650) executiveVisitEveryDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(3650) contactEveryDays: number | null;
  @ApiProperty() @IsInt() @Min(0) @Max(10) complaintPriorityBoost: number;
}

export class ServicePolicyDto {
  @ApiProperty({ type: TierServiceDto }) @IsDefined() @ValidateNested() @Type(() => TierServiceDto) A: TierServiceDto;
  @ApiProperty({ type: TierServiceDto }) @IsDefined() @ValidateNested() @Type(() => TierServiceDto) B: TierServiceDto;
  @ApiProperty({ type: TierServiceDto }) @IsDefined() @ValidateNested() @Type(() => TierServiceDto) C: TierServiceDto;
  @ApiProperty({ type: TierServiceDto }) @IsDefined() @ValidateNested() @Type(() => TierServiceDto) D: TierServiceDto;
}

export class SavePolicyDto {
  @ApiProperty({ type: TierRulesDto }) @IsObject() @ValidateNested() @Type(() => TierRulesDto) rules: TierRulesDto;
  @ApiProperty({ type: ServicePolicyDto }) @IsObject() @ValidateNested() @Type(() => ServicePolicyDto) service: ServicePolicyDto;
  @ApiPropertyOptional({ description: 'why it changed' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class PreviewPolicyDto {
  @ApiProperty({ type: TierRulesDto }) @IsObject() @ValidateNested() @Type(() => TierRulesDto) rules: TierRulesDto;
}

export class PolicyDto {
  @ApiProperty({ description: '0 while the defaults have never been saved' }) version: number;
  @ApiProperty({ type: TierRulesDto }) rules: TierRulesDto;
  @ApiProperty({ type: ServicePolicyDto }) service: ServicePolicyDto;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, nullable: true }) createdAt: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class PolicyListDto {
  @ApiProperty({ type: [PolicyDto] }) items: PolicyDto[];
}

export class TierMoveDto {
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty() customers: number;
}

export class PreviewResultDto {
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [TierMoveDto], description: 'customers per (current tier, tier under these rules)' }) moves: TierMoveDto[];
}
