import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { SaveSlaPolicyDto, SlaPolicyDto, SlaPolicyListDto } from './dto/sla-policy.dto';
import { SlaPolicyService } from './sla-policy.service';

@ApiTags('complaints')
@Controller('complaints/sla-policy')
export class SlaPolicyController {
  constructor(private readonly policy: SlaPolicyService) {}

  @Get()
  @Allow(ROLES)
  @ApiOperation({ summary: 'The service-level policy in force for complaints received from now on' })
  @ApiOkResponse({ type: SlaPolicyDto })
  current(): Promise<SlaPolicyDto> {
    return this.policy.current();
  }

  @Get('versions')
  @Allow(['admin', 'manager'])
  @ApiOkResponse({ type: SlaPolicyListDto })
  async versions(): Promise<SlaPolicyListDto> {
    return { items: await this.policy.history() };
  }

  @Put()
  @Allow(['admin'])
  @ApiOperation({ summary: 'Save a new version; complaints received from now on follow it, those already received keep theirs' })
  @ApiOkResponse({ type: SlaPolicyDto })
  save(@CurrentPrincipal() p: Principal, @Body() dto: SaveSlaPolicyDto): Promise<SlaPolicyDto> {
    return this.policy.save(p, dto);
  }
}
