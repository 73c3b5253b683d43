import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { NotificationsModule } from '@crm/notifications';
import { RetierJob } from './retier.job';
import { CustomerTierChangeEntity, TierPolicyEntity } from './tiering.entity';
import { TieringController } from './tiering.controller';
import { TieringRepository } from './tiering.repository';
import { TieringRunsRepository } from './tiering-runs.repository';
import { TieringService } from './tiering.service';

@Module({
  imports: [IdentityModule, CustomersModule, NotificationsModule, TypeOrmModule.forFeature([TierPolicyEntity, CustomerTierChangeEntity])],
  controllers: [TieringController],
  providers: [TieringRepository, TieringRunsRepository, TieringService, RetierJob],
  exports: [TieringService],
})
export class TieringModule {}
