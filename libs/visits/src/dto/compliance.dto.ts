import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@crm/platform';

export class VisitCadenceDto {
  @ApiProperty({ type: Number, nullable: true, description: 'days between; null when the policy asks for none' }) everyDays: number | null;
  @ApiProperty({ type: String, nullable: true }) lastAt: string | null;
  @ApiProperty({ type: String, nullable: true }) nextPlannedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) dueBy: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() daysOverdue: number;
  @ApiProperty({ description: 'a planned one comes by dueBy' }) coveredByPlan: boolean;
}

export class CustomerVisitComplianceDto {
  @ApiProperty() customerId: string;
  @ApiProperty({ type: String, nullable: true }) tier: string | null;
  @ApiProperty({ type: String, nullable: true }) quadrant: string | null;
  @ApiProperty({ enum: ['in_person', 'phone', 'none'], description: 'what the tier asks for' }) visitMode: string;
  @ApiProperty({ type: VisitCadenceDto }) visit: VisitCadenceDto;
  @ApiProperty({ type: VisitCadenceDto, description: 'any contact: visits and logged interactions' }) contact: VisitCadenceDto;
  @ApiProperty({ type: VisitCadenceDto, description: 'executive visits (large loyal accounts)' }) executive: VisitCadenceDto;
  @ApiProperty() policyVersion: number;
  @ApiProperty() asOf: string;
}

export class VisitComplianceRowDto {
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty() ownerId: string;
  @ApiProperty() tier: string;
  @ApiProperty() everyDays: number;
  @ApiProperty({ type: String, nullable: true }) lastAt: string | null;
  @ApiProperty({ type: String, nullable: true }) nextPlannedAt: string | null;
  @ApiProperty() dueBy: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() daysOverdue: number;
}

export class VisitComplianceListDto {
  @ApiProperty({ type: [VisitComplianceRowDto] }) items: VisitComplianceRowDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class VisitComplianceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
  @ApiPropertyOptional({ description: 'only overdue customers' }) @IsOptional() @IsIn(['true', 'false']) overdue?: string;
  @ApiPropertyOptional({ enum: ['A', 'B', 'C'] }) @IsOptional() @IsIn(['A', 'B', 'C', 'D']) tier?: string;
}

export class ManagerVisitComplianceDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'visits in the month, not cancelled' }) planned: number;
  @ApiProperty() done: number;
  @ApiProperty() missed: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({ description: 'still to come (or not yet recorded)' }) upcoming: number;
  @ApiProperty({ description: 'customers owned that the policy asks visits of' }) customers: number;
  @ApiProperty() overdue: number;
  @ApiProperty() aCustomers: number;
  @ApiProperty() aOnTime: number;
  @ApiProperty({ type: Number, nullable: true, description: 'share of A customers not overdue, %; null without A customers' }) aOnTimePercent: number | null;
}

export class ManagerVisitComplianceListDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: [ManagerVisitComplianceDto] }) items: ManagerVisitComplianceDto[];
}

export class VisitMonthQueryDto {
  @ApiPropertyOptional({ example: '2026-03', description: 'this month (agency time) by default' }) @IsOptional() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month?: string;
  @ApiPropertyOptional({ description: 'one person (account managers: always themselves)' }) @IsOptional() @IsUUID('all', { message: 'userId must be a user id' }) userId?: string;
}

export class ExecutiveDueDto {
  @ApiProperty({ example: '2026-Q1' }) quarter: string;
  @ApiProperty({ type: [VisitComplianceRowDto], description: 'large loyal accounts needing an executive visit this quarter, none planned in time' }) items: VisitComplianceRowDto[];
}
