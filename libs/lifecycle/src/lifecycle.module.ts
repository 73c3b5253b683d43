import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { ChurnScoreJob } from './churn-score.job';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleModelFitEntity } from './lifecycle.entity';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleService } from './lifecycle.service';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([LifecycleModelFitEntity])],
  controllers: [LifecycleController],
  providers: [LifecycleRepository, LifecycleService, ChurnScoreJob],
  exports: [LifecycleService],
})
export class LifecycleModule {}
