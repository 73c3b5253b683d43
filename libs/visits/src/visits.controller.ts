import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '@crm/platform';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { VISIT_ROLES } from './visit-access';
import { VisitsService } from './visits.service';
import {
  VisitDayDto, VisitDayQueryDto, MoveVisitDto, VisitProblemComplaintDto, VisitProblemComplaintResultDto, VisitReasonDto, VisitRecordInDto, VisitTaskDoneDto, VisitTaskDto, VisitTaskListDto,
  UnplannedVisitDto, VisitCalendarDto, VisitDetailDto, VisitListDto, VisitListQueryDto,
} from './dto/visit.dto';

@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('visits')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'The calendar: visits between two local dates (a week by default), conflicts and holidays' })
  @ApiOkResponse({ type: VisitCalendarDto })
  calendar(@CurrentPrincipal() p: Principal, @Query() q: VisitListQueryDto): Promise<VisitCalendarDto> {
    return this.visits.calendar(p, q);
  }

  @Get('visits/day')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'My day: the day’s visits in route order, with each customer’s essentials' })
  @ApiOkResponse({ type: VisitDayDto })
  day(@CurrentPrincipal() p: Principal, @Query() q: VisitDayQueryDto): Promise<VisitDayDto> {
    return this.visits.day(p, q);
  }

  @Post('visits')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Record a visit or call that was not planned, after the fact' })
  @ApiCreatedResponse({ type: VisitDetailDto })
  createUnplanned(@CurrentPrincipal() p: Principal, @Body() dto: UnplannedVisitDto): Promise<VisitDetailDto> {
    return this.visits.createUnplanned(p, dto);
  }

  @Get('visits/:id')
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitDetailDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<VisitDetailDto> {
    return this.visits.get(p, id);
  }

  @Patch('visits/:id')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Move one visit (the plan stays); 409 unless planned' })
  @ApiOkResponse({ type: VisitDetailDto })
  move(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: MoveVisitDto): Promise<VisitDetailDto> {
    return this.visits.move(p, id, dto);
  }

  @Post('visits/:id/cancel')
  @HttpCode(200)
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitDetailDto })
  cancel(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: VisitReasonDto): Promise<VisitDetailDto> {
    return this.visits.cancel(p, id, dto);
  }

  @Post('visits/:id/missed')
  @HttpCode(200)
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitDetailDto })
  miss(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: VisitReasonDto): Promise<VisitDetailDto> {
    return this.visits.miss(p, id, dto);
  }

  @Put('visits/:id/record')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Write (or correct) the communication record; the visit is done' })
  @ApiOkResponse({ type: VisitDetailDto })
  record(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: VisitRecordInDto): Promise<VisitDetailDto> {
    return this.visits.saveRecord(p, id, dto);
  }

  @Post('visits/:id/problems/:index/complaint')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'Turn a problem of the record into a complaint (once)' })
  @ApiCreatedResponse({ type: VisitProblemComplaintResultDto })
  problemToComplaint(
    @CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('index') index: string, @Body() dto: VisitProblemComplaintDto,
  ): Promise<VisitProblemComplaintResultDto> {
    if (!/^\d{1,2}$/.test(index)) throw notFound('The problem');
    return this.visits.problemToComplaint(p, id, Number(index), dto);
  }

  @Get('customers/:id/visits')
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitListDto })
  ofCustomer(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<VisitListDto> {
    return this.visits.ofCustomer(p, id);
  }

  @Get('visit-tasks')
  @Allow(VISIT_ROLES)
  @ApiOperation({ summary: 'The caller’s open next steps' })
  @ApiOkResponse({ type: VisitTaskListDto })
  tasks(@CurrentPrincipal() p: Principal): Promise<VisitTaskListDto> {
    return this.visits.myTasks(p);
  }

  @Put('visit-tasks/:id')
  @Allow(VISIT_ROLES)
  @ApiOkResponse({ type: VisitTaskDto })
  setTask(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: VisitTaskDoneDto): Promise<VisitTaskDto> {
    return this.visits.setTaskDone(p, id, dto);
  }
}
