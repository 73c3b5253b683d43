import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, Public } from '@crm/identity';
import { LEAD_ROLES, VISIT_ROLES } from './visit-access';
import { VisitCalendarService } from './visit-calendar.service';
import { VisitCalendarFeedDto, VisitHolidayDto, VisitHolidayListDto, VisitHolidayQueryDto, SetVisitHolidayDto } from './dto/visit.dto';

@ApiTags('visits')
@Controller()
export class VisitCalendarController {
  constructor(private readonly calendar: VisitCalendarService) {}

  @Get('visit-holidays')
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitHolidayListDto })
  async holidays(@Query() q: VisitHolidayQueryDto): Promise<VisitHolidayListDto> {
    return { items: await this.calendar.holidays(q) };
  }

  @Put('visit-holidays/:date')
  @Allow(LEAD_ROLES)
  @ApiOkResponse({ type: VisitHolidayDto })
  setHoliday(@CurrentPrincipal() p: Principal, @Param('date') date: string, @Body() dto: SetVisitHolidayDto): Promise<VisitHolidayDto> {
    return this.calendar.setHoliday(p, date, dto.name);
  }

  @Delete('visit-holidays/:date')
  @HttpCode(204)
  @Allow(LEAD_ROLES)
  deleteHoliday(@CurrentPrincipal() p: Principal, @Param('date') date: string): Promise<void> {
    return this.calendar.deleteHoliday(p, date);
  }

  @Get('visits/calendar-feed')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Whether the caller has a calendar feed (its URL is shown only when made)' })
  @ApiOkResponse({ type: VisitCalendarFeedDto })
  feed(@CurrentPrincipal() p: Principal): Promise<VisitCalendarFeedDto> {
    return this.calendar.feed(p);
  }

  @Post('visits/calendar-feed')
  @HttpCode(200)
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'A new private calendar feed URL for the caller; the previous one stops working' })
  @ApiOkResponse({ type: VisitCalendarFeedDto })
  rotateFeed(@CurrentPrincipal() p: Principal): Promise<VisitCalendarFeedDto> {
    return this.calendar.rotateFeed(p);
  }

  @Get('visits/calendar-feed/:token')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'The iCalendar feed of one manager’s visits; the secret token is the only key' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  ics(@Param('token') token: string): Promise<string> {
    return this.calendar.ics(token);
  }
}
