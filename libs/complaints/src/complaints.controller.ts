import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { checkExternalAddress } from '@crm/platform';
import { Allow, CurrentPrincipal, Principal, ROLES } from '@crm/identity';
import { ComplaintsService } from './complaints.service';
import {
  AssignDto, ComplaintBodyDto, ComplaintDetailDto, ComplaintDto, ComplaintEventInputDto, ComplaintListDto, ComplaintListQueryDto, CreateComplaintDto,
  IncidentReportDto, ResolveDto,
} from './dto/complaint.dto';

@ApiTags('complaints')
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Put(':source/:externalId')
  @Allow([], ['complaints:write'])
  @ApiOperation({ summary: 'Create or update the complaint that system `source` knows as `externalId` (201 created, 200 updated or unchanged)' })
  @ApiParam({ name: 'source', example: 'erp' })
  @ApiParam({ name: 'externalId', example: 'CP-20260302-001' })
  @ApiCreatedResponse({ type: ComplaintDto })
  @ApiOkResponse({ type: ComplaintDto })
  async put(
    @CurrentPrincipal() p: Principal,
    @Param('source') source: string,
    @Param('externalId') externalId: string,
    @Body() body: ComplaintBodyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintDto> {
    checkExternalAddress(source, externalId);
    const { created, complaint } = await this.complaints.put(p, source, externalId, body);
    reply.status(created ? 201 : 200);
    return complaint;
  }

  @Post()
  @Allow(ROLES)
  @ApiOperation({ summary: 'Take a complaint in the console (a call, a chat, a message)' })
  @ApiCreatedResponse({ type: ComplaintDetailDto })
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateComplaintDto): Promise<ComplaintDetailDto> {
    return this.complaints.create(p, body);
  }

  @Get()
  @Allow(ROLES)
  @ApiOperation({ summary: 'The queue: by priority, then the nearest deadline' })
  @ApiOkResponse({ type: ComplaintListDto })
  list(@CurrentPrincipal() p: Principal, @Query() q: ComplaintListQueryDto): Promise<ComplaintListDto> {
    return this.complaints.list(p, q);
  }

  @Get(':id')
  @Allow(ROLES)
  @ApiOkResponse({ type: ComplaintDetailDto })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ComplaintDetailDto> {
    return this.complaints.get(p, id);
  }

  @Post(':id/events')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Record a step; 409 when the complaint is in no state to take it' })
  @ApiCreatedResponse({ type: ComplaintDetailDto })
  addEvent(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ComplaintEventInputDto): Promise<ComplaintDetailDto> {
    return this.complaints.addEvent(p, id, body);
  }

  @Post(':id/resolve')
  @Allow(ROLES)
  @ApiOperation({ summary: 'Resolve with an attribution and compensations (the standard remedy when none are given)' })
  @ApiCreatedResponse({ type: ComplaintDetailDto })
  resolve(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ResolveDto): Promise<ComplaintDetailDto> {
    return this.complaints.resolve(p, id, body);
  }

  @Put(':id/owner')
  @Allow(ROLES)
  @ApiOkResponse({ type: ComplaintDetailDto })
  assign(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: AssignDto): Promise<ComplaintDetailDto> {
    return this.complaints.assign(p, id, body);
  }

  @Put(':id/incident-report')
  @Allow(ROLES)
  @ApiOkResponse({ type: ComplaintDetailDto })
  incidentReport(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: IncidentReportDto): Promise<ComplaintDetailDto> {
    return this.complaints.setIncidentReport(p, id, body);
  }
}
