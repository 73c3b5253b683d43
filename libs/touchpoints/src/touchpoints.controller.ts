import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';
import { TouchpointsService } from './touchpoints.service';
import { TouchpointTaskDoneDto, TouchpointTaskDto, TouchpointTaskListDto, TouchpointTaskQueryDto } from './dto/touchpoint.dto';

/** Those who hold customers; service agents have no touch-point tasks. */
const TASK_ROLES = ['admin', 'manager', 'account_manager'] as const;

@ApiTags('touchpoints')
@Controller('touchpoints')
export class TouchpointsController {
  constructor(private readonly touchpoints: TouchpointsService) {}

  @Get('tasks')
  @Allow(TASK_ROLES)
  @ApiOperation({ summary: 'Touch-point tasks (follow-up calls, birthday gifts), soonest due first' })
  @ApiOkResponse({ type: TouchpointTaskListDto })
  tasks(@CurrentPrincipal() p: Principal, @Query() q: TouchpointTaskQueryDto): Promise<TouchpointTaskListDto> {
    return this.touchpoints.tasks(p, q);
  }

  @Put('tasks/:id')
  @Allow(TASK_ROLES)
  @ApiOperation({ summary: 'Mark a touch-point task done, or open again' })
  @ApiOkResponse({ type: TouchpointTaskDto })
  setDone(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: TouchpointTaskDoneDto): Promise<TouchpointTaskDto> {
    return this.touchpoints.setTaskDone(p, id, dto);
  }
}
