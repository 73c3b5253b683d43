import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { PageQueryDto } from '@crm/platform';
import { LifecycleModelDto } from './dto/model.dto';
import { AtRiskListDto, FunnelDto, HealthHistoryDto, HealthPolicyDto, SaveHealthPolicyDto, StageHistoryDto } from './dto/lifecycle-stages.dto';
import { LifecycleService } from './lifecycle.service';
import { LifecycleStagesService } from './lifecycle-stages.service';
import { LifecyclePlayDto, LifecyclePlayListDto, LifecyclePlayListQueryDto } from './dto/lifecycle-plays.dto';
import { LifecyclePlaysService } from './lifecycle-plays.service';

@ApiTags('lifecycle')
@Controller()
export class LifecycleController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly stages: LifecycleStagesService,
    private readonly plays: LifecyclePlaysService,
  ) {}

  @Get('lifecycle/model')
  @Allow(ROLES)
  @ApiOperation({ summary: 'The current BG/NBD fit of the churn-score job (404 before its first run)' })
  @ApiOkResponse({ type: LifecycleModelDto })
  model(): Promise<LifecycleModelDto> {
    return this.lifecycle.model();
  }

  @Get('lifecycle/at-risk')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Customers at risk (red health), by value × risk, highest first; account managers see their own' })
  @ApiOkResponse({ type: AtRiskListDto })
  atRisk(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<AtRiskListDto> {
    return this.stages.atRisk(p, q);
  }

  @Get('lifecycle/plays')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Open plays ("call within 3 days" for A and B customers turned red), by due date; account managers see their own, the others filter by owner' })
  @ApiOkResponse({ type: LifecyclePlayListDto })
  openPlays(@CurrentPrincipal() p: Principal, @Query() q: LifecyclePlayListQueryDto): Promise<LifecyclePlayListDto> {
    return this.plays.open(p, q);
  }

  @Post('lifecycle/plays/:id/done')
  @HttpCode(200)
  @Allow(ROLES)
  @ApiOperation({ summary: 'Mark a play done (the call is made); 409 when it is done already' })
  @ApiOkResponse({ type: LifecyclePlayDto })
  playDone(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<LifecyclePlayDto> {
    return this.plays.done(p, id);
  }

  @Get('lifecycle/funnel')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Live customers per lifecycle stage; account managers count their own' })
  @ApiOkResponse({ type: FunnelDto })
  funnel(@CurrentPrincipal() p: Principal): Promise<FunnelDto> {
    return this.stages.funnel(p);
  }

  @Get('customers/:id/stage-history')
  @Allow(ROLES)
  @ApiOperation({ summary: 'The customer’s lifecycle stage changes, newest first' })
  @ApiOkResponse({ type: StageHistoryDto })
  stageHistory(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<StageHistoryDto> {
    return this.stages.stageHistory(p, id);
  }

  @Get('customers/:id/health-history')
  @Allow(ROLES)
  @ApiOperation({ summary: 'The customer’s health score each time it or its band changed, newest first' })
  @ApiOkResponse({ type: HealthHistoryDto })
  healthHistory(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<HealthHistoryDto> {
    return this.stages.healthHistory(p, id);
  }

  @Get('lifecycle/health-policy')
  @Allow(ROLES)
  @ApiOperation({ summary: 'The health score’s weights and bands in force' })
  @ApiOkResponse({ type: HealthPolicyDto })
  healthPolicy(): Promise<HealthPolicyDto> {
    return this.stages.policyDto();
  }

  @Put('lifecycle/health-policy')
  @Allow(['admin'])
  @ApiOperation({ summary: 'A new version of the health policy; the next churn-score run uses it' })
  @ApiOkResponse({ type: HealthPolicyDto })
  saveHealthPolicy(@CurrentPrincipal() p: Principal, @Body() dto: SaveHealthPolicyDto): Promise<HealthPolicyDto> {
    return this.stages.savePolicy(p, dto);
  }
}
