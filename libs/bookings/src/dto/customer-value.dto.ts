import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from './booking-input.dto';

export class ValueShareDto {
  @ApiProperty() key: string;
  @ApiProperty() trips: number;
  @ApiProperty({ type: MoneyDto }) sales: MoneyDto;
}

export class TravelMonthDto {
  @ApiProperty({ minimum: 1, maximum: 12 }) month: number;
  @ApiProperty() trips: number;
}

export class PaymentBehaviourDto {
  @ApiProperty({ description: 'sales with a due date that has passed or been paid' }) paymentsDue: number;
  @ApiProperty() paidLate: number;
  @ApiProperty({ type: Number, nullable: true, description: '0..1' }) shareLate: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageDaysLate: number | null;
}

/** What a customer is worth, from its bookings (confirmed and completed count as sales; cancelled as zero). */
export class CustomerValueDto {
  @ApiProperty() customerId: string;
  @ApiProperty({ type: MoneyDto }) lifetimeValue: MoneyDto;
  @ApiProperty({ type: MoneyDto }) salesLast12Months: MoneyDto;
  @ApiProperty() trips: number;
  @ApiProperty({ type: String, nullable: true }) firstTrip: string | null;
  @ApiProperty({ type: String, nullable: true }) lastTrip: string | null;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'spending power: lifetime value per trip' }) averageOrderValue: MoneyDto | null;
  @ApiProperty({ type: [ValueShareDto] }) favouriteDestinations: ValueShareDto[];
  @ApiProperty({ type: [ValueShareDto] }) favouriteCategories: ValueShareDto[];
  @ApiProperty({ type: [TravelMonthDto] }) travelMonths: TravelMonthDto[];
  @ApiProperty() openInquiries: number;
  @ApiProperty({ type: PaymentBehaviourDto }) payment: PaymentBehaviourDto;
  @ApiProperty() cancellations: number;
  @ApiProperty({ type: Number, nullable: true, description: 'cancelled / (cancelled + trips)' }) cancellationRate: number | null;
}
