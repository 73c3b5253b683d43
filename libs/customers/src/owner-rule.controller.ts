import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { CustomerIdentityService } from './customer-identity.service';
import { OwnerRuleDto } from './dto/owner-rule.dto';

@ApiTags('settings')
@Controller('settings/new-customer-owner')
export class OwnerRuleController {
  constructor(private readonly identity: CustomerIdentityService) {}

  @Get()
  @Allow(['admin', 'manager'])
  @ApiOkResponse({ type: OwnerRuleDto })
  get(): Promise<OwnerRuleDto> {
    return this.identity.ownerRule();
  }

  @Put()
  @Allow(['admin'])
  @ApiOkResponse({ type: OwnerRuleDto })
  set(@CurrentPrincipal() p: Principal, @Body() dto: OwnerRuleDto): Promise<OwnerRuleDto> {
    return this.identity.setOwnerRule(p, dto);
  }
}
