import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueService } from '@crm/platform';
import { Public } from '@crm/identity';

export class HealthStatusDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down', 'inline'] }) queue: 'up' | 'down' | 'inline';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueService,
  ) {}

  /** 200 when every dependency answers, 503 with the same shape naming the one that does not. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthStatusDto })
  @ApiServiceUnavailableResponse({ type: HealthStatusDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatusDto> {
    const [db, queue] = await Promise.all([this.db(), this.queue.health()]);
    const body: HealthStatusDto = { status: db === 'up' && queue !== 'down' ? 'ok' : 'degraded', db, queue };
    if (body.status !== 'ok') reply.status(503);
    return body;
  }

  private async db(): Promise<'up' | 'down'> {
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
