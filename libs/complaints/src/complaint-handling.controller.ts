import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { ComplaintCompensationsService } from './complaint-compensations.service';
import { ComplaintFollowUpsService } from './complaint-follow-ups.service';
import { ComplaintReportService } from './complaint-report.service';
import { ComplaintDetailDto } from './dto/complaint.dto';
import {
  CompensationTotalsDto, CompensationTotalsQueryDto, ComplaintFollowUpsDto, ComplaintReportDto, ComplaintReportQueryDto, EditCompensationsDto, FollowUpAnswerDto,
  FollowUpDto, FollowUpListDto, FollowUpListQueryDto,
} from './dto/complaint-handling.dto';

/** After resolution: compensations, the satisfaction follow-up, and the service-level report. */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintHandlingController {
  constructor(
    private readonly compensations: ComplaintCompensationsService,
    private readonly followUps: ComplaintFollowUpsService,
    private readonly reports: ComplaintReportService,
  ) {}

  @Put(':id/compensations')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Accept, change or add to the compensations of a resolved complaint, and its corrective action; 409 before resolution' })
  @ApiOkResponse({ type: ComplaintDetailDto })
  editCompensations(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: EditCompensationsDto): Promise<ComplaintDetailDto> {
    return this.compensations.edit(p, id, body);
  }

  @Get('compensation-totals')
  @Allow(ROLES)
  @ApiOperation({ summary: "Compensations given, by month of resolution and by customer: one customer's, or those the caller's report covers" })
  @ApiOkResponse({ type: CompensationTotalsDto })
  compensationTotals(@CurrentPrincipal() p: Principal, @Query() q: CompensationTotalsQueryDto): Promise<CompensationTotalsDto> {
    return this.compensations.totals(p, q);
  }

  @Get('follow-ups')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Satisfaction follow-ups by due time (pending by default; mine, due only)' })
  @ApiOkResponse({ type: FollowUpListDto })
  listFollowUps(@CurrentPrincipal() p: Principal, @Query() q: FollowUpListQueryDto): Promise<FollowUpListDto> {
    return this.followUps.list(p, q);
  }

  @Get('report')
  @Allow(ROLES)
  @ApiOperation({ summary: 'The service-level report over agency dates: everyone\'s for managers and admins, one\'s own for the others' })
  @ApiOkResponse({ type: ComplaintReportDto })
  report(@CurrentPrincipal() p: Principal, @Query() q: ComplaintReportQueryDto): Promise<ComplaintReportDto> {
    return this.reports.report(p, q);
  }

  @Get(':id/follow-ups')
  @Allow(ROLES)
  @ApiOkResponse({ type: ComplaintFollowUpsDto })
  complaintFollowUps(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ComplaintFollowUpsDto> {
    return this.followUps.ofComplaint(p, id);
  }

  @Post(':id/follow-up/answer')
  @Allow(ROLES)
  @ApiOperation({ summary: "Record the customer's answer to the pending follow-up, once; 409 when none is pending" })
  @ApiCreatedResponse({ type: FollowUpDto })
  answerFollowUp(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: FollowUpAnswerDto): Promise<FollowUpDto> {
    return this.followUps.answer(p, id, body);
  }
}
