import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@crm/platform';

export class LifecyclePlayDto {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ type: String, nullable: true, enum: ['A', 'B', 'C', 'D'] }) tier: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the customer’s health score now' }) score: number | null;
  @ApiProperty({ description: 'the customer’s owner now: the one to call' }) ownerId: string;
  @ApiProperty({ description: 'the asOf of the churn-score run that saw the customer turn red' }) startedAt: string;
  @ApiProperty({ example: '2026-07-04', description: 'call by this agency date (3 days after the start)' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true }) doneAt: string | null;
  @ApiProperty({ type: String, nullable: true }) doneBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'when the band left red, ending the episode' }) endedAt: string | null;
}

export class LifecyclePlayListDto {
  @ApiProperty({ type: [LifecyclePlayDto], description: 'by due date, earliest first' }) items: LifecyclePlayDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class LifecyclePlayListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'managers and admins: only the plays of this owner’s customers (account managers always see their own)' })
  @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
}
