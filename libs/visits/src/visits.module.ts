import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { ComplaintsModule } from '@crm/complaints';
import { NotificationsModule } from '@crm/notifications';
import { TieringModule } from '@crm/tiering';
import { InteractionsService } from './interactions.service';
import {
  CalendarFeedEntity, InteractionEntity, OverdueEpisodeEntity, VisitEntity, VisitHolidayEntity, VisitPlanEntity, VisitRecordEntity, VisitTaskEntity,
} from './visit.entity';
import { VisitCalendarController } from './visit-calendar.controller';
import { VisitCalendarService } from './visit-calendar.service';
import { VisitComplianceController } from './visit-compliance.controller';
import { VisitComplianceService } from './visit-compliance.service';
import { VisitOverdueJob } from './visit-overdue.job';
import { VisitPlansController } from './visit-plans.controller';
import { VisitPlansService } from './visit-plans.service';
import { VisitScheduleJob } from './visit-schedule.job';
import { VisitsController } from './visits.controller';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

@Module({
  imports: [
    IdentityModule, CustomersModule, ComplaintsModule, NotificationsModule, TieringModule,
    TypeOrmModule.forFeature([VisitPlanEntity, VisitEntity, VisitRecordEntity, VisitTaskEntity, InteractionEntity, OverdueEpisodeEntity, VisitHolidayEntity, CalendarFeedEntity]),
  ],
  controllers: [VisitPlansController, VisitsController, VisitComplianceController, VisitCalendarController],
  providers: [VisitsRepository, VisitPlansService, VisitsService, VisitComplianceService, InteractionsService, VisitCalendarService, VisitScheduleJob, VisitOverdueJob],
  exports: [VisitPlansService, VisitsService, VisitComplianceService, InteractionsService],
})
export class VisitsModule {}
