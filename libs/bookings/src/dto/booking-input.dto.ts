import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { EXTERNAL_ID_PATTERN, IsTimeWithOffset, SOURCE_MESSAGE, SOURCE_PATTERN, externalIdMessage } from '@crm/platform';
import { CUSTOMER_TYPES, CustomerType, IsPhone } from '@crm/customers';
import { BOOKING_CATEGORIES, BOOKING_STATUSES, BookingCategory, BookingStatus } from '../booking.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IsDay = (field: string) => Matches(DATE, { message: `${field} must be a date YYYY-MM-DD` });

export class MoneyDto {
  @ApiProperty({ example: 1280000, description: 'integer minor units (1280000 = ¥12,800.00)' })
  @IsInt({ message: 'amount.value must be an integer number of minor units (fen)' }) @Min(0) @Max(1e13)
  value: number;

  @ApiProperty({ example: 'CNY' })
  @IsIn(['CNY'], { message: 'amount.currency must be CNY (the agency currency)' })
  currency: string;
}

/** The person a booking is for, as the booking system knows them. */
export class BookingCustomerDto {
  @ApiProperty({ example: 'C-1001' }) @Transform(trim) @Matches(EXTERNAL_ID_PATTERN, { message: externalIdMessage('customer.externalId') }) externalId: string;
  @ApiPropertyOptional({ enum: CUSTOMER_TYPES, default: 'individual' }) @IsOptional() @IsIn(CUSTOMER_TYPES) type?: CustomerType;
  @ApiProperty({ example: '张伟' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '+8613800138000' }) @IsOptional() @IsPhone() phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '1985-04-12' }) @IsOptional() @IsDay('birthday') birthday?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) organization?: string | null;
}

/** The body of PUT /bookings/{source}/{externalId}: the booking as it is now in its system. */
export class BookingBodyDto {
  @ApiProperty({ type: BookingCustomerDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => BookingCustomerDto) customer: BookingCustomerDto;
  @ApiProperty({ enum: BOOKING_STATUSES }) @IsIn(BOOKING_STATUSES) status: BookingStatus;
  @ApiProperty({ example: '2026-03-01T10:00:00+08:00' }) @IsTimeWithOffset('bookedAt') bookedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-04-01' }) @IsOptional() @IsDay('departureDate') departureDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-04-05' }) @IsOptional() @IsDay('returnDate') returnDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '三亚' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) destination?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '三亚亲子5日游' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) product?: string | null;
  @ApiPropertyOptional({ enum: BOOKING_CATEGORIES, nullable: true }) @IsOptional() @IsIn(BOOKING_CATEGORIES) category?: BookingCategory | null;
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1000 }) @IsOptional() @IsInt() @Min(1) @Max(1000) travellers?: number;
  @ApiProperty({ type: MoneyDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => MoneyDto) amount: MoneyDto;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-03-10T00:00:00+08:00' }) @IsOptional() @IsTimeWithOffset('paymentDueAt') paymentDueAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsTimeWithOffset('paidAt') paidAt?: string | null;
}

/** One item of POST /bookings/batch: the PUT body plus the booking's address. */
export class BatchItemDto extends BookingBodyDto {
  @ApiProperty({ example: 'erp' }) @Matches(SOURCE_PATTERN, { message: SOURCE_MESSAGE }) source: string;
  @ApiProperty({ example: 'B-20260301-001' }) @Matches(EXTERNAL_ID_PATTERN, { message: externalIdMessage() }) externalId: string;
}

export class BatchRequestDto {
  @ApiProperty({ type: [BatchItemDto], maxItems: 1000, description: 'each item is validated and applied on its own' })
  // Items are validated one by one by the service, so one bad item cannot fail the batch.
  @IsDefined() items: unknown[];
}
