import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { NotificationsModule } from '@crm/notifications';
import { NpsController } from './nps.controller';
import { NpsRepository } from './nps.repository';
import { NpsService } from './nps.service';
import { NpsSurveyEntity, TouchpointEntity } from './touchpoint.entity';
import { TouchpointsController } from './touchpoints.controller';
import { TouchpointsMergeParticipant } from './touchpoints-merge.participant';
import { TouchpointsRepository } from './touchpoints.repository';
import { TouchpointsService } from './touchpoints.service';
import { TripTouchpointsJob } from './trip-touchpoints.job';

@Module({
  imports: [IdentityModule, CustomersModule, NotificationsModule, TypeOrmModule.forFeature([TouchpointEntity, NpsSurveyEntity])],
  controllers: [TouchpointsController, NpsController],
  providers: [TouchpointsRepository, TouchpointsService, TripTouchpointsJob, TouchpointsMergeParticipant, NpsRepository, NpsService],
  exports: [NpsService],
})
export class TouchpointsModule {}
