import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { PolicyDto, PolicyListDto, PreviewPolicyDto, PreviewResultDto, SavePolicyDto } from './dto/policy.dto';
import { TierChangeListDto, TieringSummaryDto } from './dto/tiering.dto';
import { TieringService } from './tiering.service';

const MANAGERS = ['admin', 'manager'] as const;

@ApiTags('tiering')
@Controller()
export class TieringController {
  constructor(private readonly tiering: TieringService) {}

  @Get('tiering/summary')
  @Allow(ROLES)
  @ApiOkResponse({ type: TieringSummaryDto })
  summary(): Promise<TieringSummaryDto> {
    return this.tiering.summary();
  }

  @Get('tiering/policy')
  @Allow(ROLES)
  @ApiOkResponse({ type: PolicyDto })
  policy(): Promise<PolicyDto> {
    return this.tiering.policy();
  }

  @Get('tiering/policy/versions')
  @Allow(MANAGERS)
  @ApiOkResponse({ type: PolicyListDto })
  async versions(): Promise<PolicyListDto> {
    return { items: await this.tiering.policyHistory() };
  }

  @Put('tiering/policy')
  @Allow(['admin'])
  @ApiOperation({ summary: 'Save a new version of the policy; the next retier run uses it' })
  @ApiOkResponse({ type: PolicyDto })
  save(@CurrentPrincipal() p: Principal, @Body() dto: SavePolicyDto): Promise<PolicyDto> {
    return this.tiering.savePolicy(p, dto);
  }

  @Post('tiering/policy/preview')
  @HttpCode(200)
  @Allow(MANAGERS)
  @ApiOperation({ summary: 'How many customers would move between tiers under these rules today; writes nothing' })
  @ApiOkResponse({ type: PreviewResultDto })
  preview(@Body() dto: PreviewPolicyDto): Promise<PreviewResultDto> {
    return this.tiering.preview(dto.rules);
  }

  @Get('customers/:id/tier-history')
  @Allow(ROLES)
  @ApiOkResponse({ type: TierChangeListDto })
  async history(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<TierChangeListDto> {
    return { items: await this.tiering.history(p, id) };
  }
}
