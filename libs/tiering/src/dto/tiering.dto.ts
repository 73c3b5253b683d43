import { ApiProperty } from '@nestjs/swagger';

export class TierChangeDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) fromTier: string | null;
  @ApiProperty({ type: String, nullable: true }) toTier: string | null;
  @ApiProperty({ type: String, nullable: true }) fromQuadrant: string | null;
  @ApiProperty({ type: String, nullable: true }) toQuadrant: string | null;
  @ApiProperty({ type: [String] }) fromFlags: string[];
  @ApiProperty({ type: [String] }) toFlags: string[];
  @ApiProperty({ description: 'sales in the window, minor units' }) sales: number;
  @ApiProperty() policyVersion: number;
  @ApiProperty() asOf: string;
  @ApiProperty() at: string;
}

export class TierChangeListDto {
  @ApiProperty({ type: [TierChangeDto] }) items: TierChangeDto[];
}

export class TierShareDto {
  @ApiProperty({ type: String, nullable: true }) tier: string | null;
  @ApiProperty() customers: number;
  @ApiProperty({ description: 'sales in the window at the last run, minor units' }) sales: number;
}

export class ParetoPointDto {
  @ApiProperty({ description: 'top N % of the customers with sales' }) percentile: number;
  @ApiProperty({ description: 'their share of all sales, %' }) cumulativeSharePercent: number;
}

export class CountDto {
  @ApiProperty() key: string;
  @ApiProperty() customers: number;
}

export class RetierRunDto {
  @ApiProperty() id: string;
  @ApiProperty() state: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: String, nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) changed: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class TieringSummaryDto {
  @ApiProperty({ type: [TierShareDto], description: 'from the last completed run' }) tiers: TierShareDto[];
  @ApiProperty({ type: [ParetoPointDto], description: 'from the last completed run' }) pareto: ParetoPointDto[];
  @ApiProperty({ type: [CountDto], description: 'live: customers per quadrant' }) quadrants: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'live: customers per flag' }) flags: CountDto[];
  @ApiProperty({ type: [RetierRunDto] }) runs: RetierRunDto[];
}
