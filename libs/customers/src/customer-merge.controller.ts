import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { CustomerMergeService } from './customer-merge.service';
import { DuplicateListDto, DuplicateQueryDto, MergeCustomersDto, MergeResultDto } from './dto/merge.dto';

@ApiTags('customers')
@Controller('customers')
export class CustomerMergeController {
  constructor(private readonly merges: CustomerMergeService) {}

  @Get('duplicates')
  @Allow()
  @ApiOperation({ summary: 'Pairs of customers that look like one person, for review' })
  @ApiOkResponse({ type: DuplicateListDto })
  async duplicates(@CurrentPrincipal() p: Principal, @Query() q: DuplicateQueryDto): Promise<DuplicateListDto> {
    return { items: await this.merges.duplicates(p, q.limit) };
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Allow(['admin', 'manager'])
  @ApiOperation({ summary: 'Merge `mergedId` into this customer: bookings, references and history move here' })
  @ApiOkResponse({ type: MergeResultDto })
  merge(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: MergeCustomersDto): Promise<MergeResultDto> {
    return this.merges.merge(p, id, dto.mergedId);
  }
}
