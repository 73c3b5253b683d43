import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { JobRunEntity, QueueService } from '@crm/platform';
import { Allow, CurrentPrincipal, Principal } from '@crm/identity';

export class RunJobDto {
  @ApiPropertyOptional({ description: 'run as if it were this moment (back-dating, tests)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 time' })
  asOf?: string;
}

export class JobRunDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) state: string;
  @ApiProperty() progress: number;
  @ApiProperty() asOf: string;
  @ApiPropertyOptional() result?: unknown;
  @ApiPropertyOptional() error?: string;

  static from(r: JobRunEntity): JobRunDto {
    const dto: JobRunDto = { id: r.id, name: r.name, state: r.state, progress: r.progress, asOf: r.asOf.toISOString() };
    if (r.result !== null && r.result !== undefined) dto.result = r.result;
    if (r.error) dto.error = r.error;
    return dto;
  }
}

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly queue: QueueService) {}

  @Post(':name/runs')
  @HttpCode(202)
  @Allow(['admin', 'manager'])
  @ApiAcceptedResponse({ type: JobRunDto })
  async run(@CurrentPrincipal() p: Principal, @Param('name') name: string, @Body() dto: RunJobDto): Promise<JobRunDto> {
    const run = await this.queue.runNow(name, dto.asOf ? new Date(dto.asOf) : new Date(), p.id);
    return { ...JobRunDto.from(run), state: 'queued' };
  }

  @Get('runs/:id')
  @Allow(['admin', 'manager'])
  @ApiOkResponse({ type: JobRunDto })
  async get(@Param('id') id: string): Promise<JobRunDto> {
    return JobRunDto.from(await this.queue.getRun(id));
  }
}
