import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { LEAD_ROLES, VISIT_ROLES } from './visit-access';
import { InteractionsService } from './interactions.service';
import { VisitComplianceService } from './visit-compliance.service';
import { VisitComplianceListDto, VisitComplianceListQueryDto, CustomerVisitComplianceDto, ExecutiveDueDto, ManagerVisitComplianceListDto, VisitMonthQueryDto } from './dto/compliance.dto';
import { InteractionDto, InteractionInputDto, InteractionListDto } from './dto/visit.dto';

@ApiTags('visits')
@Controller()
export class VisitComplianceController {
  constructor(
    private readonly compliance: VisitComplianceService,
    private readonly interactions: InteractionsService,
  ) {}

  @Get('customers/:id/visit-compliance')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'The customer against the tier’s service policy: cadence, last visit, next planned, overdue' })
  @ApiOkResponse({ type: CustomerVisitComplianceDto })
  customer(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CustomerVisitComplianceDto> {
    return this.compliance.customer(p, id);
  }

  @Get('visit-compliance/customers')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Customers by visit due date, the most overdue first' })
  @ApiOkResponse({ type: VisitComplianceListDto })
  customers(@CurrentPrincipal() p: Principal, @Query() q: VisitComplianceListQueryDto): Promise<VisitComplianceListDto> {
    return this.compliance.customerList(p, q);
  }

  @Get('visit-compliance/managers')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Per person and month: planned, done, missed; overdue customers; A customers on time' })
  @ApiOkResponse({ type: ManagerVisitComplianceListDto })
  managers(@CurrentPrincipal() p: Principal, @Query() q: VisitMonthQueryDto): Promise<ManagerVisitComplianceListDto> {
    return this.compliance.managers(p, q);
  }

  @Get('visit-compliance/executive-due')
  @Allow(LEAD_ROLES)
  @ApiOperation({ summary: 'Large loyal accounts needing an executive visit this quarter, none planned in time' })
  @ApiOkResponse({ type: ExecutiveDueDto })
  executiveDue(@CurrentPrincipal() p: Principal): Promise<ExecutiveDueDto> {
    return this.compliance.executiveDue(p);
  }

  @Get('customers/:id/interactions')
  @Allow(ROLES)
  @ApiOkResponse({ type: InteractionListDto })
  interactionList(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<InteractionListDto> {
    return this.interactions.list(p, id);
  }

  @Post('customers/:id/interactions')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Log a call, message or email with the customer' })
  @ApiCreatedResponse({ type: InteractionDto })
  logInteraction(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: InteractionInputDto): Promise<InteractionDto> {
    return this.interactions.create(p, id, dto);
  }
}
