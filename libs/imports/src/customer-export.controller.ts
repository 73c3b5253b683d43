import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { CustomerExportService } from './customer-export.service';
import { CustomerExportQueryDto } from './dto/customer-export.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('customers')
@Controller('customers')
export class CustomerExportController {
  constructor(private readonly exports: CustomerExportService) {}

  @Get('export.xlsx')
  @Allow(ROLES)
  @ApiOperation({ summary: 'The customer list with the same filters as GET /customers, as an .xlsx workbook (account managers get their own customers)' })
  @ApiProduces(XLSX)
  async export(@CurrentPrincipal() p: Principal, @Query() q: CustomerExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.export(p, q);
    return new StreamableFile(file, { type: XLSX, disposition: `attachment; filename="customers.xlsx"; filename*=UTF-8''${encodeURIComponent(q.lang === 'en-US' ? 'customers.xlsx' : '客户.xlsx')}` });
  }
}
