import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from './access.decorator';
import { AuditService } from './audit.service';
import { AuditListDto, AuditQueryDto } from './dto/audit.dto';

/** The audit log is an administrator's view: who changed what, when and from where. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow(['admin'])
  @ApiOkResponse({ type: AuditListDto, description: 'Newest first' })
  list(@Query() q: AuditQueryDto): Promise<AuditListDto> {
    return this.audit.list(q);
  }
}
