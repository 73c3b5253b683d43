import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomerIdentityRepository } from './customer-identity.repository';
import { CustomerIdentityService } from './customer-identity.service';
import { CustomerContactEntity, CustomerEntity, CustomerExternalRefEntity, CustomerLifecycleEntity, CustomerOwnerChangeEntity, CustomerOwnerRuleEntity, CustomerValueEntity } from './customer.entity';
import { CustomerMergeController } from './customer-merge.controller';
import { CustomerMergeRegistry } from './customer-merge.registry';
import { CustomerOwnershipRegistry } from './customer-ownership.registry';
import { CustomerMergeRepository } from './customer-merge.repository';
import { CustomerMergeService } from './customer-merge.service';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { OwnerRuleController } from './owner-rule.controller';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([CustomerEntity, CustomerLifecycleEntity, CustomerValueEntity, CustomerContactEntity, CustomerExternalRefEntity, CustomerOwnerChangeEntity, CustomerOwnerRuleEntity])],
  controllers: [CustomersController, OwnerRuleController, CustomerMergeController],
  providers: [CustomersRepository, CustomersService, CustomerIdentityRepository, CustomerIdentityService, CustomerMergeRepository, CustomerMergeRegistry, CustomerMergeService, CustomerOwnershipRegistry],
  exports: [CustomersService, CustomerIdentityService, CustomerMergeRegistry, CustomerOwnershipRegistry],
})
export class CustomersModule {}
