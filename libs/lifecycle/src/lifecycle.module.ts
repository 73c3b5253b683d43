import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { ComplaintsModule } from '@crm/complaints';
import { TieringModule } from '@crm/tiering';
import { TouchpointsModule } from '@crm/touchpoints';
import { NotificationsModule } from '@crm/notifications';
import { ChurnScoreJob } from './churn-score.job';
import { LifecycleController } from './lifecycle.controller';
import { CustomerHealthScoreEntity, HealthPolicyEntity, LifecycleModelFitEntity, LifecyclePlayEntity, LifecycleStageChangeEntity } from './lifecycle.entity';
import { LifecyclePlaysRepository } from './lifecycle-plays.repository';
import { LifecyclePlaysService } from './lifecycle-plays.service';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleService } from './lifecycle.service';
import { LifecycleStagesRepository } from './lifecycle-stages.repository';
import { LifecycleStagesService } from './lifecycle-stages.service';

@Module({
  imports: [IdentityModule, CustomersModule, ComplaintsModule, TieringModule, TouchpointsModule, NotificationsModule, TypeOrmModule.forFeature([LifecycleModelFitEntity, LifecycleStageChangeEntity, CustomerHealthScoreEntity, HealthPolicyEntity, LifecyclePlayEntity])],
  controllers: [LifecycleController],
  providers: [LifecycleRepository, LifecycleService, LifecycleStagesRepository, LifecycleStagesService, LifecyclePlaysRepository, LifecyclePlaysService, ChurnScoreJob],
  exports: [LifecycleService],
})
export class LifecycleModule {}
