import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import { CUSTOMER_TYPES, LIFECYCLE_STAGES, QUADRANTS, TIERS, TIER_FLAGS } from '../customer.entity';

export class MoneyDto {
  @ApiProperty({ description: 'integer minor units' }) value: number;
  @ApiProperty({ example: 'CNY' }) currency: string;
}

export class OwnerDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() active: boolean;
}

export class ContactDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() primary: boolean;
}

export class HealthReasonDto {
  @ApiProperty({ enum: ['pAlive', 'recency', 'trend', 'interactions', 'complaints', 'nps'] }) component: string;
  @ApiProperty({ description: 'the component’s own score, 0–100' }) score: number;
  @ApiProperty({ description: 'its share of the total, 0–1, after leaving out components without data' }) weight: number;
  @ApiProperty({ description: 'points it took off the total: (100 − score) × weight' }) impact: number;
  @ApiProperty({ description: 'the figures behind it (days, counts, ratios)', type: 'object', additionalProperties: { type: 'number' } }) facts: Record<string, number>;
}

/** The figures that decided a customer's tier when it last changed (written by the retier job). Money in minor units. */
export class TierReasonDto {
  @ApiProperty() sales: number;
  @ApiProperty({ type: Number, nullable: true, description: 'position by sales; null without sales' }) rank: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'share of all sales held by the customers ranked before, in percent' }) shareBeforePercent: number | null;
  @ApiProperty() dueBookings: number;
  @ApiProperty() lateBookings: number;
  @ApiProperty() salesBookingsForLoyalty: number;
  @ApiProperty({ type: String, nullable: true, description: 'the latest sale in the loyalty window' }) lastSaleAt: string | null;
  @ApiProperty() recentSales: number;
  @ApiProperty() priorSales: number;
  @ApiProperty() recentTrips: number;
  @ApiProperty() priorTrips: number;
}

export class CustomerHealthDto {
  @ApiProperty({ description: '0–100' }) score: number;
  @ApiProperty({ enum: ['green', 'yellow', 'red'] }) band: string;
  @ApiProperty({ description: 'the health policy that scored it' }) policyVersion: number;
  @ApiProperty({ type: [HealthReasonDto], description: 'ordered by how much they pulled the score down' }) reasons: HealthReasonDto[];
}

export class TripWindowDto {
  @ApiProperty({ description: 'first day, agency calendar', example: '2026-11-01' }) from: string;
  @ApiProperty({ description: 'last day, agency calendar', example: '2026-11-30' }) to: string;
  @ApiProperty({ enum: ['booked', 'seasonal', 'model'], description: 'a trip already booked, the customer’s own season, or the BG/NBD model' }) basis: string;
}

export class CustomerPredictionDto {
  @ApiProperty({ description: 'BG/NBD probability that the customer is still active' }) pAlive: number;
  @ApiProperty({ description: 'expected trips (sales) in the next 52 weeks' }) expectedTrips52w: number;
  @ApiProperty({ type: TripWindowDto, nullable: true }) nextTripWindow: TripWindowDto | null;
}

export class ConsentOutDto {
  @ApiProperty() sms: boolean;
  @ApiProperty() email: boolean;
  @ApiProperty() wechat: boolean;
  @ApiProperty() phone: boolean;
}

export class ExternalRefOutDto {
  @ApiProperty() source: string;
  @ApiProperty() externalId: string;
}

export class CustomerDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CUSTOMER_TYPES }) type: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) partnerKind: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) birthday: string | null;
  @ApiProperty({ type: String, nullable: true }) ageBand: string | null;
  @ApiProperty({ type: String, nullable: true }) occupation: string | null;
  @ApiProperty({ type: [String] }) preferredSeasons: string[];
  @ApiProperty({ type: Number, nullable: true }) decisionCycleDays: number | null;
  @ApiProperty({ type: [String] }) sensitivities: string[];
  @ApiProperty({ type: [String] }) motivations: string[];
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: ConsentOutDto }) consent: ConsentOutDto;
  @ApiProperty() doNotContact: boolean;
  @ApiProperty() ownerId: string;
  @ApiProperty({ type: OwnerDto }) owner: OwnerDto;
  @ApiProperty({ enum: TIERS, nullable: true }) tier: string | null;
  @ApiProperty({ enum: QUADRANTS, nullable: true }) quadrant: string | null;
  @ApiProperty({ enum: TIER_FLAGS, isArray: true }) tierFlags: string[];
  @ApiProperty({ type: TierReasonDto, nullable: true, description: 'the figures that decided the tier when it last changed' }) tierReason: TierReasonDto | null;
  @ApiProperty({ type: String, nullable: true }) tierChangedAt: string | null;
  @ApiProperty({ enum: LIFECYCLE_STAGES, nullable: true }) lifecycleStage: string | null;
  @ApiProperty({ type: CustomerHealthDto, nullable: true }) health: CustomerHealthDto | null;
  @ApiProperty({ type: CustomerPredictionDto, nullable: true, description: 'set by the churn-score job; null without a sale' }) prediction: CustomerPredictionDto | null;
  @ApiProperty({ type: MoneyDto }) lifetimeValue: MoneyDto;
  @ApiProperty({ type: [ContactDto] }) contacts: ContactDto[];
  @ApiProperty({ type: [ExternalRefOutDto] }) externalRefs: ExternalRefOutDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) deletedAt: string | null;
}

export class CustomerListDto {
  @ApiProperty({ type: [CustomerDto] }) items: CustomerDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export const CUSTOMER_SORTS = ['name', '-name', 'created', '-created', 'value', '-value'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export class CustomerListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'substring of name, phone, email or organisation' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_TYPES }) @IsOptional() @IsIn(CUSTOMER_TYPES) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
  @ApiPropertyOptional({ enum: TIERS }) @IsOptional() @IsIn(TIERS) tier?: string;
  @ApiPropertyOptional({ enum: QUADRANTS }) @IsOptional() @IsIn(QUADRANTS) quadrant?: string;
  @ApiPropertyOptional({ enum: TIER_FLAGS }) @IsOptional() @IsIn(TIER_FLAGS) tierFlag?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) tag?: string;
  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES }) @IsOptional() @IsIn(LIFECYCLE_STAGES) lifecycleStage?: string;
  @ApiPropertyOptional({ description: 'lookup by an outside reference, with externalId' }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9_-]{0,49}$/, { message: 'source must be a source name' }) source?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) externalId?: string;
  @ApiPropertyOptional({ description: 'only customers whose owner is deactivated' }) @IsOptional() @Type(() => String) @IsIn(['true', 'false']) needsOwner?: string;
  @ApiPropertyOptional({ description: 'list soft-deleted customers instead (admins and managers)' }) @IsOptional() @IsIn(['true', 'false']) deleted?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_SORTS, default: 'name' }) @IsOptional() @IsIn(CUSTOMER_SORTS) sort?: CustomerSort;
}

export class TransferResultDto {
  @ApiProperty() moved: number;
}

export class OwnerChangeDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: OwnerDto, nullable: true }) from: OwnerDto | null;
  @ApiProperty({ type: OwnerDto }) to: OwnerDto;
  @ApiProperty({ type: OwnerDto, nullable: true }) changedBy: OwnerDto | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() at: string;
}

export class OwnerChangeListDto {
  @ApiProperty({ type: [OwnerChangeDto] }) items: OwnerChangeDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

