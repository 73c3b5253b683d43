import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ROLES } from '@crm/identity';
import { LifecycleModelDto } from './dto/model.dto';
import { LifecycleService } from './lifecycle.service';

@ApiTags('lifecycle')
@Controller()
export class LifecycleController {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Get('lifecycle/model')
  @Allow(ROLES)
  @ApiOperation({ summary: 'The current BG/NBD fit of the churn-score job (404 before its first run)' })
  @ApiOkResponse({ type: LifecycleModelDto })
  model(): Promise<LifecycleModelDto> {
    return this.lifecycle.model();
  }
}
