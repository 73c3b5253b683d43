import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { CustomersService } from './customers.service';
import { CreateCustomerDto, TransferCustomersDto, UpdateCustomerDto } from './dto/customer-input.dto';
import { CustomerDto, CustomerListDto, CustomerListQueryDto, OwnerChangeListDto, TransferResultDto } from './dto/customer.dto';

const STAFF_OR_READER = [ROLES, ['customers:read']] as const;

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @Allow(...STAFF_OR_READER)
  @ApiOkResponse({ type: CustomerListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: CustomerListQueryDto): Promise<CustomerListDto> {
    return this.customers.list(p, q);
  }

  @Post()
  @Allow()
  @ApiCreatedResponse({ type: CustomerDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.create(p, dto);
  }

  @Post('transfers')
  @HttpCode(200)
  @Allow(['admin', 'manager'])
  @ApiOkResponse({ type: TransferResultDto })
  transfer(@CurrentPrincipal() p: Principal, @Body() dto: TransferCustomersDto): Promise<TransferResultDto> {
    return this.customers.transferAll(p, dto);
  }

  @Get(':id')
  @Allow(...STAFF_OR_READER)
  @ApiOkResponse({ type: CustomerDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CustomerDto> {
    return this.customers.get(p, id);
  }

  @Patch(':id')
  @Allow()
  @ApiOkResponse({ type: CustomerDto })
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateCustomerDto): Promise<CustomerDto> {
    return this.customers.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow(['admin', 'manager'])
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    return this.customers.remove(p, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Allow(['admin', 'manager'])
  @ApiOkResponse({ type: CustomerDto })
  restore(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CustomerDto> {
    return this.customers.restore(p, id);
  }

  @Get(':id/owner-history')
  @Allow()
  @ApiOkResponse({ type: OwnerChangeListDto })
  async ownerHistory(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<OwnerChangeListDto> {
    return { items: await this.customers.ownerHistory(p, id), nextCursor: null };
  }
}
