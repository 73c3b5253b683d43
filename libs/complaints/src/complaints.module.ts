import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { BookingsModule } from '@crm/bookings';
import { NotificationsModule } from '@crm/notifications';
import { ComplaintEntity, ComplaintEventEntity, ComplaintSlaClockEntity } from './complaint.entity';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { SlaWatchJob } from './sla-watch.job';

@Module({
  imports: [IdentityModule, CustomersModule, BookingsModule, NotificationsModule, TypeOrmModule.forFeature([ComplaintEntity, ComplaintEventEntity, ComplaintSlaClockEntity])],
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintsService, SlaWatchJob],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
