import { DynamicModule, Module } from '@nestjs/common';
import { Config, ConfigModule, DatabaseModule, QueueModule } from '@crm/platform';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { NotificationsModule } from '@crm/notifications';
import { TieringModule } from '@crm/tiering';
import { ImportsModule } from '@crm/imports';
import { ComplaintsModule } from '@crm/complaints';
import { VisitsModule } from '@crm/visits';
import { LifecycleModule } from '@crm/lifecycle';
import { TouchpointsModule } from '@crm/touchpoints';
import { CampaignsModule } from '@crm/campaigns';

/** The domain modules whose job handlers this worker runs; no HTTP is served. */
@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), QueueModule.forRoot(), IdentityModule, CustomersModule, NotificationsModule, TieringModule, ImportsModule, ComplaintsModule, VisitsModule, LifecycleModule, CampaignsModule, TouchpointsModule] };
  }
}
