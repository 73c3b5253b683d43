import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CustomerDto } from '@crm/customers';
import { STAGES } from '../lifecycle-stage';

/** The customer, with its health (reasons first by how much they pulled the score down) and prediction. */
export class AtRiskCustomerDto extends CustomerDto {
  @ApiProperty({ description: 'value × risk: lifetime value × (100 − health score) / 100, minor units of the customer’s currency' })
  valueAtRisk: number;
}

export class AtRiskListDto {
  @ApiProperty({ type: [AtRiskCustomerDto] }) items: AtRiskCustomerDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FunnelStageDto {
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty() customers: number;
}

export class FunnelDto {
  @ApiProperty({ type: [FunnelStageDto], description: 'every stage, in lifecycle order' }) stages: FunnelStageDto[];
  @ApiProperty({ description: 'customers the churn-score job has not staged yet' }) unscored: number;
}

export class StageChangeDto {
  @ApiProperty({ enum: STAGES, nullable: true, type: String, description: 'null on the first stage' }) from: string | null;
  @ApiProperty({ enum: STAGES }) to: string;
  @ApiProperty({ description: 'the asOf of the churn-score run that saw the change' }) asOf: string;
}

export class StageHistoryDto {
  @ApiProperty({ type: [StageChangeDto], description: 'newest first' }) items: StageChangeDto[];
}

export class HealthScoreChangeDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null when the customer lost their score (their only sale was cancelled)' }) score: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['green', 'yellow', 'red'] }) band: string | null;
  @ApiProperty() policyVersion: number;
  @ApiProperty({ description: 'the asOf of the churn-score run that saw the change' }) asOf: string;
}

export class HealthHistoryDto {
  @ApiProperty({ type: [HealthScoreChangeDto], description: 'each change of the score or its band, newest first' }) items: HealthScoreChangeDto[];
}

const weight = () => applyDecorators(ApiProperty({ minimum: 0, maximum: 100 }), IsNumber(), Min(0), Max(100));

export class HealthWeightsDto {
  @weight() pAlive: number;
  @weight() recency: number;
  @weight() trend: number;
  @weight() interactions: number;
  @weight() complaints: number;
  @weight() nps: number;
}

export class HealthBandsDto {
  @ApiProperty({ description: 'green at or above' }) @IsInt() @Min(1) @Max(100) green: number;
  @ApiProperty({ description: 'yellow at or above, red below' }) @IsInt() @Min(1) @Max(100) yellow: number;
}

export class SaveHealthPolicyDto {
  @ApiProperty({ type: HealthWeightsDto, description: 'relative weights; renormalised over the components with data' })
  @IsObject() @ValidateNested() @Type(() => HealthWeightsDto) weights: HealthWeightsDto;
  @ApiProperty({ type: HealthBandsDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => HealthBandsDto) bands: HealthBandsDto;
  @ApiProperty({ description: 'the gap between trips assumed for a one-time buyer while no customer has bought twice (otherwise the median usual gap of those who have)', minimum: 30, maximum: 1095 })
  @IsInt() @Min(30) @Max(1095) defaultGapDays: number;
  @ApiPropertyOptional({ description: 'why it changed' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class HealthPolicyDto {
  @ApiProperty({ description: '0 for the built-in defaults' }) version: number;
  @ApiProperty({ type: HealthWeightsDto }) weights: HealthWeightsDto;
  @ApiProperty({ type: HealthBandsDto }) bands: HealthBandsDto;
  @ApiProperty() defaultGapDays: number;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, nullable: true }) createdAt: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}
