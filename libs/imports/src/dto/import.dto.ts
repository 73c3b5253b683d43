import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IMPORT_KINDS, ImportKind } from '../import-fields';
import { ROW_OUTCOMES, RowOutcome } from '../import.entity';

const SOURCE = /^[a-z0-9][a-z0-9_-]{0,49}$/;
const SOURCE_MESSAGE = 'source must be 1-50 lower-case letters, digits, - or _';

export class UploadQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS }) @IsIn(IMPORT_KINDS) kind: ImportKind;
  @ApiProperty({ example: '客户名单.xlsx' }) @IsString() @MinLength(1) @MaxLength(255) fileName: string;
  @ApiPropertyOptional({ default: 'import', description: 'the system the ids in the file belong to' }) @IsOptional() @Matches(SOURCE, { message: SOURCE_MESSAGE }) source?: string;
}

export class MappingInputDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { name: 0, phone: 2 }, description: 'field → 0-based column' })
  @IsObject()
  mapping: Record<string, number>;

  @ApiPropertyOptional() @IsOptional() @Matches(SOURCE, { message: SOURCE_MESSAGE }) source?: string;
}

export class ImportFieldDto {
  @ApiProperty() key: string;
  @ApiProperty() required: boolean;
}

export class ImportRowDto {
  @ApiProperty({ description: 'the row number in the file' }) rowNumber: number;
  @ApiProperty({ type: [String] }) cells: string[];
}

export class ImportCountsDto {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() failed: number;
}

export class EarlierUploadDto {
  @ApiProperty() id: string;
  @ApiProperty() createdAt: string;
}

export const IMPORT_STATES = ['ready', 'queued', 'running', 'completed', 'failed'] as const;

export class ImportDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty() source: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ type: [String] }) headers: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'field → 0-based column' }) mapping: Record<string, number>;
  @ApiProperty({ type: [ImportFieldDto], description: 'the fields a column can be mapped to' }) fields: ImportFieldDto[];
  @ApiProperty({ type: [ImportRowDto], description: 'the first rows, for the preview' }) sample: ImportRowDto[];
  @ApiProperty() rowCount: number;
  @ApiProperty({ enum: IMPORT_STATES, description: 'ready until started; then the state of its job run' }) state: (typeof IMPORT_STATES)[number];
  @ApiProperty({ description: '0..100' }) progress: number;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ type: String, nullable: true }) jobRunId: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: EarlierUploadDto, nullable: true, description: 'the same file uploaded before for the same kind' }) earlierUpload: EarlierUploadDto | null;
  @ApiProperty() createdAt: string;
}

export class RowErrorDto {
  @ApiProperty() rowNumber: number;
  @ApiProperty({ example: 'phone', description: 'the import field' }) field: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the 0-based column the field is mapped to' }) column: number | null;
  @ApiProperty() message: string;
}

export class DryRunDto {
  @ApiProperty() rowCount: number;
  @ApiProperty() valid: number;
  @ApiProperty() invalid: number;
  @ApiProperty({ type: [RowErrorDto], description: "the first 1000 errors" }) errors: RowErrorDto[];
}

export class FieldErrorDto {
  @ApiProperty() field: string;
  @ApiProperty() message: string;
}

export class ImportRowResultDto extends ImportRowDto {
  @ApiProperty({ enum: ROW_OUTCOMES, nullable: true }) outcome: RowOutcome | null;
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
  @ApiProperty({ type: String, nullable: true, description: 'the customer or booking' }) entityId: string | null;
}

export class ImportRowListDto {
  @ApiProperty({ type: [ImportRowResultDto] }) items: ImportRowResultDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ImportRowQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(100) cursor?: string;
  @ApiPropertyOptional({ enum: ['failed'], description: 'only the rows that failed' }) @IsOptional() @IsIn(['failed']) outcome?: 'failed';
}
