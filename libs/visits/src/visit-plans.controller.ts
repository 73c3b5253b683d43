import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { VISIT_ROLES } from './visit-access';
import { VisitPlansService } from './visit-plans.service';
import { CreateVisitPlanDto, EndVisitPlanDto, VisitPlanDto, VisitPlanListDto, VisitPlanListQueryDto, UpdateVisitPlanDto } from './dto/visit.dto';

@ApiTags('visits')
@Controller('visit-plans')
export class VisitPlansController {
  constructor(private readonly plans: VisitPlansService) {}

  @Get()
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitPlanListDto })
  async list(@CurrentPrincipal() p: Principal, @Query() q: VisitPlanListQueryDto): Promise<VisitPlanListDto> {
    return { items: await this.plans.list(p, q) };
  }

  @Post()
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'A fixed visit (a route stop); its next weeks of visits are made at once' })
  @ApiCreatedResponse({ type: VisitPlanDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateVisitPlanDto): Promise<VisitPlanDto> {
    return this.plans.create(p, dto);
  }

  @Get(':id')
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitPlanDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<VisitPlanDto> {
    return this.plans.get(p, id);
  }

  @Patch(':id')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Change the plan from now on: future visits nobody moved, cancelled or recorded follow' })
  @ApiOkResponse({ type: VisitPlanDto })
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateVisitPlanDto): Promise<VisitPlanDto> {
    return this.plans.update(p, id, dto);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'End the plan after a date (today by default)' })
  @ApiOkResponse({ type: VisitPlanDto })
  end(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: EndVisitPlanDto): Promise<VisitPlanDto> {
    return this.plans.end(p, id, dto);
  }
}
