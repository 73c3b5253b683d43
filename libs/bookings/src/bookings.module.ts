import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { BookingEntity, BookingStatusChangeEntity } from './booking.entity';
import { BookingsMergeParticipant } from './bookings-merge.participant';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';

@Module({
  imports: [IdentityModule, CustomersModule, TypeOrmModule.forFeature([BookingEntity, BookingStatusChangeEntity])],
  controllers: [BookingsController],
  providers: [BookingsRepository, BookingsService, BookingsMergeParticipant],
  exports: [BookingsService],
})
export class BookingsModule {}
