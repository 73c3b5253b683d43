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
import { ComplaintFollowUpEntity } from './complaint-follow-up.entity';
import { ComplaintHandlingController } from './complaint-handling.controller';
import { ComplaintCompensationsService } from './complaint-compensations.service';
import { ComplaintFollowUpsRepository } from './complaint-follow-ups.repository';
import { ComplaintFollowUpsService } from './complaint-follow-ups.service';
import { ComplaintReportRepository } from './complaint-report.repository';
import { ComplaintReportService } from './complaint-report.service';
import { FollowUpWatchJob } from './follow-up-watch.job';
import { SlaPolicyController } from './sla-policy.controller';
import { SlaPolicyEntity } from './sla-policy.entity';
import { SlaPolicyRepository } from './sla-policy.repository';
import { SlaPolicyService } from './sla-policy.service';

@Module({
  imports: [IdentityModule, CustomersModule, BookingsModule, NotificationsModule, TypeOrmModule.forFeature([ComplaintEntity, ComplaintEventEntity, ComplaintSlaClockEntity, ComplaintFollowUpEntity, SlaPolicyEntity])],
  controllers: [SlaPolicyController, ComplaintsController, ComplaintHandlingController],
  providers: [
    ComplaintsRepository, ComplaintsService, SlaWatchJob, SlaPolicyRepository, SlaPolicyService,
    ComplaintFollowUpsRepository, ComplaintFollowUpsService, FollowUpWatchJob, ComplaintCompensationsService, ComplaintReportRepository, ComplaintReportService,
  ],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
