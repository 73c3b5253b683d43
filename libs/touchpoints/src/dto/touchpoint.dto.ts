import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@crm/platform';
import { TASK_KINDS } from '../touchpoint-rules';

export class TouchpointTaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open' }) @IsOptional() @IsIn(['open', 'done']) state?: 'open' | 'done';
  @ApiPropertyOptional({ description: 'admins and managers: one owner’s tasks (default: everyone’s); account managers always see their own' })
  @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
}

export class TouchpointTaskDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: TASK_KINDS }) kind: (typeof TASK_KINDS)[number];
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty() ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ example: '2026-05-20' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true, description: 'the trip’s destination (a follow-up call)' }) destination: string | null;
  @ApiProperty({ type: String, nullable: true }) departureDate: string | null;
  @ApiProperty({ type: String, nullable: true }) returnDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO-8601' }) doneAt: string | null;
  @ApiProperty({ description: 'ISO-8601' }) createdAt: string;
}

export class TouchpointTaskListDto {
  @ApiProperty({ type: [TouchpointTaskDto] }) items: TouchpointTaskDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TouchpointTaskDoneDto {
  @ApiProperty() @IsBoolean() done: boolean;
}
