import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto, SOURCE_MESSAGE, SOURCE_PATTERN } from '@crm/platform';
import { BOOKING_CATEGORIES, BOOKING_STATUSES, BookingCategory, BookingStatus } from '../booking.entity';
import { MoneyDto } from './booking-input.dto';

export class BookingDto {
  @ApiProperty() id: string;
  @ApiProperty() source: string;
  @ApiProperty() externalId: string;
  @ApiProperty({ description: 'the resolved customer' }) customerId: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty() bookedAt: string;
  @ApiProperty({ type: String, nullable: true }) departureDate: string | null;
  @ApiProperty({ type: String, nullable: true }) returnDate: string | null;
  @ApiProperty({ type: String, nullable: true }) destination: string | null;
  @ApiProperty({ type: String, nullable: true }) product: string | null;
  @ApiProperty({ enum: BOOKING_CATEGORIES, nullable: true }) category: BookingCategory | null;
  @ApiProperty() travellers: number;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ type: String, nullable: true }) paymentDueAt: string | null;
  @ApiProperty({ type: String, nullable: true }) paidAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class StatusChangeDto {
  @ApiProperty({ enum: BOOKING_STATUSES, nullable: true }) from: BookingStatus | null;
  @ApiProperty({ enum: BOOKING_STATUSES }) to: BookingStatus;
  @ApiProperty() at: string;
}

export class BookingDetailDto extends BookingDto {
  @ApiProperty({ type: [StatusChangeDto] }) statusHistory: StatusChangeDto[];
}

export class BookingListDto {
  @ApiProperty({ type: [BookingDto] }) items: BookingDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class FieldErrorDto {
  @ApiProperty({ example: 'items.3.customer.phone' }) field: string;
  @ApiProperty() message: string;
}

export class BatchItemResultDto {
  @ApiProperty() index: number;
  @ApiProperty({ enum: [200, 201, 409, 422], description: 'the status this item would have had alone' }) status: number;
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() customerId?: string;
  @ApiPropertyOptional({ description: 'with 200: whether the booking changed (false: it already was exactly this)' }) changed?: boolean;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}

export class BatchResultDto {
  @ApiProperty({ type: [BatchItemResultDto] }) results: BatchItemResultDto[];
}

export class BookingListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'customerId must be a customer id' }) customerId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SOURCE_PATTERN, { message: SOURCE_MESSAGE }) source?: string;
  @ApiPropertyOptional({ enum: BOOKING_STATUSES }) @IsOptional() @IsIn(BOOKING_STATUSES) status?: BookingStatus;
  @ApiPropertyOptional({ description: 'exact destination' }) @IsOptional() destination?: string;
  @ApiPropertyOptional({ description: 'departure on or after, YYYY-MM-DD' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'departureFrom must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'departureFrom is not a calendar date' }) departureFrom?: string;
  @ApiPropertyOptional({ description: 'departure on or before, YYYY-MM-DD' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'departureTo must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'departureTo is not a calendar date' }) departureTo?: string;
}
