import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CustomerDto } from './customer.dto';

export class MergeCustomersDto {
  @ApiProperty({ format: 'uuid', description: 'the customer that is the same person and goes away (its id keeps resolving to the survivor)' })
  @IsUUID('all', { message: 'mergedId must be a customer id' })
  mergedId: string;
}

export class MergeResultDto {
  @ApiProperty({ type: CustomerDto }) survivor: CustomerDto;
  @ApiProperty() mergedId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'how many records of each kind moved' }) moved: Record<string, number>;
}

export class DuplicatePairDto {
  @ApiProperty({ enum: ['phone', 'email', 'name_and_birthday'] }) reason: string;
  @ApiProperty({ type: CustomerDto }) a: CustomerDto;
  @ApiProperty({ type: CustomerDto }) b: CustomerDto;
}

export class DuplicateListDto {
  @ApiProperty({ type: [DuplicatePairDto] }) items: DuplicatePairDto[];
}

export class DuplicateQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
