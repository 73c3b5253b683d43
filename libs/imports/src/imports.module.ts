import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@crm/identity';
import { CustomersModule } from '@crm/customers';
import { BookingsModule } from '@crm/bookings';
import { CustomerExportController } from './customer-export.controller';
import { CustomerExportService } from './customer-export.service';
import { ImportEntity, ImportRowEntity } from './import.entity';
import { ImportApplyService } from './import-apply.service';
import { ImportJob } from './import.job';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** Spreadsheets in (customers, bookings) and out (the customer list). */
@Module({
  imports: [IdentityModule, CustomersModule, BookingsModule, TypeOrmModule.forFeature([ImportEntity, ImportRowEntity])],
  controllers: [ImportsController, CustomerExportController],
  providers: [ImportsRepository, ImportsService, ImportApplyService, ImportJob, CustomerExportService],
})
export class ImportsModule {}
