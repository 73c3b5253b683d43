import { DynamicModule, Module } from '@nestjs/common';
import { Config, ConfigModule, DatabaseModule, QueueModule } from '@crm/platform';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { NotificationsModule } from '@crm/notifications';
import { TieringModule } from '@crm/tiering';
import { BookingsModule } from '@crm/bookings';
import { ImportsModule } from '@crm/imports';
import { ComplaintsModule } from '@crm/complaints';
import { VisitsModule } from '@crm/visits';
import { LifecycleModule } from '@crm/lifecycle';
import { TouchpointsModule } from '@crm/touchpoints';
import { CampaignsModule } from '@crm/campaigns';
import { HealthController } from './health/health.controller';
import { JobsController } from './jobs/jobs.controller';
import { DemoDataService } from './demo/demo-data.service';


const DOMAIN_MODULES = [IdentityModule, CustomersModule, BookingsModule, ImportsModule, NotificationsModule, TieringModule, ComplaintsModule, VisitsModule, LifecycleModule, CampaignsModule, TouchpointsModule];

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), QueueModule.forRoot(), ...DOMAIN_MODULES],
      controllers: [HealthController, JobsController],
      providers: [DemoDataService],
    };
  }
}
