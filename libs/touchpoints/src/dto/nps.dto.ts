import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '@crm/platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class NpsSurveyDto {
  @ApiProperty({ enum: ['zh-CN', 'en'] }) lang: string;
  @ApiProperty({ type: String, nullable: true }) destination: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the trip’s return date' }) returnDate: string | null;
  @ApiProperty() answered: boolean;
  @ApiProperty({ description: 'ISO-8601' }) expiresAt: string;
}

export class NpsAnswerInDto {
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt({ message: 'score must be a whole number from 0 to 10' }) @Min(0, { message: 'score must be a whole number from 0 to 10' }) @Max(10, { message: 'score must be a whole number from 0 to 10' }) score: number;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) comment?: string | null;
}

export class NpsReportQueryDto {
  @ApiPropertyOptional({ example: '2026-01', description: 'first month (agency time); default 11 months before `to`' })
  @IsOptional() @Matches(MONTH, { message: 'from must be a month YYYY-MM' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12', description: 'last month (agency time); default this month' })
  @IsOptional() @Matches(MONTH, { message: 'to must be a month YYYY-MM' }) to?: string;
}

export class NpsFigureDto {
  @ApiProperty() responses: number;
  @ApiProperty() promoters: number;
  @ApiProperty() passives: number;
  @ApiProperty() detractors: number;
  @ApiProperty({ type: Number, nullable: true, description: '% promoters − % detractors, one decimal; null without answers' }) nps: number | null;
}

export class NpsMonthDto extends NpsFigureDto {
  @ApiProperty({ example: '2026-05' }) month: string;
}

export class NpsManagerDto extends NpsFigureDto {
  @ApiProperty() managerId: string;
  @ApiProperty() managerName: string;
}

export class NpsDestinationDto extends NpsFigureDto {
  @ApiProperty({ type: String, nullable: true }) destination: string | null;
}

export class NpsReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: NpsFigureDto }) overall: NpsFigureDto;
  @ApiProperty({ type: [NpsMonthDto], description: 'every month of the range, empty ones with nps null' }) byMonth: NpsMonthDto[];
  @ApiProperty({ type: [NpsManagerDto] }) byManager: NpsManagerDto[];
  @ApiProperty({ type: [NpsDestinationDto] }) byDestination: NpsDestinationDto[];
}

export class NpsAnswerDto {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() customerName: string;
  @ApiProperty() managerId: string;
  @ApiProperty() managerName: string;
  @ApiProperty({ type: String, nullable: true }) destination: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ description: 'ISO-8601' }) answeredAt: string;
}

export class NpsAnswerListDto {
  @ApiProperty({ type: [NpsAnswerDto] }) items: NpsAnswerDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class NpsAnswerQueryDto extends PageQueryDto {}
