import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { MarkReadDto, MarkReadResultDto, NotificationListDto, NotificationQueryDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** The signed-in user's own notifications. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Allow(ROLES)
  @ApiOkResponse({ type: NotificationListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: NotificationQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(p, q);
  }

  @Post('read')
  @HttpCode(200)
  @Allow(ROLES)
  @ApiOkResponse({ type: MarkReadResultDto })
  async markRead(@CurrentPrincipal() p: Principal, @Body() dto: MarkReadDto): Promise<MarkReadResultDto> {
    return { marked: await this.notifications.markRead(p, dto.ids) };
  }
}
