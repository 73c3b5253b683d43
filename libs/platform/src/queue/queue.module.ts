import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Config } from '../config/config';
import { CONFIG } from '../config/config.module';
import { BullMqDriver } from './bullmq.driver';
import { InlineDriver } from './inline.driver';
import { JobRegistry } from './job-registry';
import { JobRunEntity, JobScheduleEntity } from './job-run.entity';
import { JobRunner } from './job-runner';
import { JobRunsRepository } from './job-runs.repository';
import { QUEUE_DRIVER } from './queue-driver';
import { QueueService } from './queue.service';
import { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { OutboxRelayJob } from '../outbox/outbox-relay.job';
import { OutboxService } from '../outbox/outbox.service';
import { MetricsService } from '../metrics/metrics.service';

@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([JobRunEntity, JobScheduleEntity, OutboxEventEntity])],
      providers: [
        JobRegistry,
        JobRunsRepository,
        JobRunner,
        QueueService,
        OutboxService,
        OutboxRelayJob,
        MetricsService,
        {
          provide: QUEUE_DRIVER,
          inject: [CONFIG, JobRunner],
          useFactory: (config: Config, runner: JobRunner) => {
            const logger = new Logger('queue');
            if (config.redisUrl) {
              logger.log({ msg: 'jobs go through BullMQ', redis: redactUrl(config.redisUrl), prefix: config.queuePrefix });
              return new BullMqDriver(config.redisUrl, runner, config.timeZone, config.queuePrefix, config.jobLockSeconds);
            }
            logger.warn('REDIS_URL is not set: jobs run IN THIS PROCESS (inline driver). Fine for one machine; set REDIS_URL and run workers for production.');
            return new InlineDriver(runner, config.timeZone);
          },
        },
      ],
      exports: [QueueService, OutboxService, MetricsService],
    };
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable url)';
  }
}
