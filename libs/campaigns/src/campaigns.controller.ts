import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { CampaignsService } from './campaigns.service';
import { CampaignDto, CampaignListDto, CampaignResultsDto, CampaignResultsQueryDto, CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';

export const CAMPAIGN_ROLES = ['admin', 'manager'] as const;

/** Reactivation campaigns' settings: admins and managers. */
@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Allow(CAMPAIGN_ROLES)
  @ApiOperation({ summary: 'Active first, newest first' })
  @ApiOkResponse({ type: CampaignListDto })
  async list(): Promise<CampaignListDto> {
    return { items: await this.campaigns.list() };
  }

  @Post()
  @Allow(CAMPAIGN_ROLES)
  @ApiCreatedResponse({ type: CampaignDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(p, dto);
  }

  @Get(':id')
  @Allow(CAMPAIGN_ROLES)
  @ApiOkResponse({ type: CampaignDto })
  get(@Param('id') id: string): Promise<CampaignDto> {
    return this.campaigns.get(id);
  }

  @Get(':id/results')
  @Allow(CAMPAIGN_ROLES)
  @ApiOperation({ summary: 'Sent, converted (a sale within 90 days), conversion rate and revenue, treated against the hold-out, and the lift' })
  @ApiOkResponse({ type: CampaignResultsDto })
  results(@Param('id') id: string, @Query() q: CampaignResultsQueryDto): Promise<CampaignResultsDto> {
    return this.campaigns.results(id, q.asOf ? new Date(q.asOf) : undefined);
  }

  @Patch(':id')
  @Allow(CAMPAIGN_ROLES)
  @ApiOperation({ summary: 'Change settings; customers already picked keep their group and message' })
  @ApiOkResponse({ type: CampaignDto })
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.update(p, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow(CAMPAIGN_ROLES)
  @ApiOperation({ summary: 'Delete a campaign that has picked nobody yet (409 otherwise: deactivate it)' })
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    return this.campaigns.remove(p, id);
  }
}
