import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { MessagesService } from './messages.service';
import { CustomerMessageListDto, CustomerMessageQueryDto } from './dto/message.dto';

/** Messages to customers (campaigns, touch-points); the staff's own e-mails are under /outgoing-messages, for admins. */
@ApiTags('messages')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @Allow(ROLES)
  @ApiOperation({ summary: 'Newest first, filtered by customer, campaign, channel and state; account managers see their own customers’' })
  @ApiOkResponse({ type: CustomerMessageListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: CustomerMessageQueryDto): Promise<CustomerMessageListDto> {
    return this.messages.list(p, q);
  }
}
