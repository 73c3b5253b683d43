import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { OutgoingMessageDto, OutgoingMessageListDto, OutgoingMessageQueryDto } from './dto/outgoing-message.dto';
import { OutgoingMessagesService } from './outgoing-messages.service';

/** The e-mails and SMS the product sends (or keeps, with no provider configured): for admins. */
@ApiTags('outgoing-messages')
@Controller('outgoing-messages')
export class OutgoingMessagesController {
  constructor(private readonly messages: OutgoingMessagesService) {}

  @Get()
  @Allow(['admin'])
  @ApiOperation({ summary: 'Newest first, filtered by status and channel' })
  @ApiOkResponse({ type: OutgoingMessageListDto })
  list(@Query() q: OutgoingMessageQueryDto): Promise<OutgoingMessageListDto> {
    return this.messages.list(q);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Allow(['admin'])
  @ApiOperation({ summary: 'Send a failed message again (409 unless it failed)' })
  @ApiOkResponse({ type: OutgoingMessageDto })
  retry(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<OutgoingMessageDto> {
    return this.messages.retry(p, id);
  }
}
