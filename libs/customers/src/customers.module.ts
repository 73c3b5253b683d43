import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomerContactEntity, CustomerEntity, CustomerExternalRefEntity, CustomerOwnerChangeEntity } from './customer.entity';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([CustomerEntity, CustomerContactEntity, CustomerExternalRefEntity, CustomerOwnerChangeEntity])],
  controllers: [CustomersController],
  providers: [CustomersRepository, CustomersService],
  exports: [CustomersService],
})
export class CustomersModule {}
