import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { ComplaintsModule } from '@crm/complaints';
import { TieringModule } from '@crm/tiering';
import { TouchpointsModule } from '@crm/touchpoints';
import { ChurnScoreJob } from './churn-score.job';
import { LifecycleController } from './lifecycle.controller';
import { CustomerHealthScoreEntity, HealthPolicyEntity, LifecycleModelFitEntity, LifecycleStageChangeEntity } from './lifecycle.entity';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleService } from './lifecycle.service';
import { LifecycleStagesRepository } from './lifecycle-stages.repository';
import { LifecycleStagesService } from './lifecycle-stages.service';

@Module({
  imports: [IdentityModule, CustomersModule, ComplaintsModule, TieringModule, TouchpointsModule, TypeOrmModule.forFeature([LifecycleModelFitEntity, LifecycleStageChangeEntity, CustomerHealthScoreEntity, HealthPolicyEntity])],
  controllers: [LifecycleController],
  providers: [LifecycleRepository, LifecycleService, LifecycleStagesRepository, LifecycleStagesService, ChurnScoreJob],
  exports: [LifecycleService],
})
export class LifecycleModule {}
