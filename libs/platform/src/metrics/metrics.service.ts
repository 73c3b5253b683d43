import { timingSafeEqual } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { problem } from '../http/problem';
import { QUEUE_DRIVER, QueueDriver } from '../queue/queue-driver';

/**
 * Prometheus metrics of this process (one registry per application, so test apps in one process never mix): HTTP
 * requests per route, job runs executed here, and, read at scrape time, the queue depths in Redis, the outbox
 * backlog and each scheduled job's last success (shared state, the same from every replica).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger('metrics');
  private readonly httpRequests = new Counter({
    name: 'crm_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'crm_http_request_duration_seconds',
    help: 'HTTP request latency, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: 'crm_job_duration_seconds',
    help: 'Job runs executed by this process, by job and outcome (completed, failed)',
    labelNames: ['job', 'outcome'],
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  private readonly jobFailures = new Counter({
    name: 'crm_job_failures_total',
    help: 'Failed job attempts in this process, by job',
    labelNames: ['job'],
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() dataSource: DataSource,
    // Looked up when scraped: the driver's job runner reports to this service, so it cannot be a constructor dependency.
    moduleRef: ModuleRef,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'crm_' });
    // Read at scrape time; a dependency that is down leaves its gauges out rather than failing the scrape.
    const logger = this.logger;
    new Gauge({
      name: 'crm_queue_jobs',
      help: 'Jobs in the BullMQ queues, by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          const driver = moduleRef.get<QueueDriver>(QUEUE_DRIVER, { strict: false });
          for (const [queue, states] of Object.entries(await driver.counts())) for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        } catch (err) {
          logger.warn({ msg: 'queue depths unavailable', error: String(err) });
        }
      },
    });
    const outbox = (name: string, help: string, expr: string) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          try {
            this.set((await dataSource.query(`SELECT ${expr} AS v FROM outbox_events WHERE relayed_at IS NULL`))[0].v);
          } catch (err) {
            logger.warn({ msg: 'outbox backlog unavailable', error: String(err) });
          }
        },
      });
    outbox('crm_outbox_backlog', 'Outbox events not yet relayed', 'count(*)::int');
    outbox('crm_outbox_oldest_pending_age_seconds', 'Age of the oldest outbox event not yet relayed (0 when none)', 'coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8');
    new Gauge({
      name: 'crm_job_last_success_timestamp_seconds',
      help: 'When each scheduled job last succeeded (its scheduled fire time), Unix seconds',
      labelNames: ['job'],
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          for (const r of await dataSource.query(`SELECT name, extract(epoch FROM last_success_at)::float8 AS at FROM job_schedules`)) this.set({ job: r.name }, r.at);
        } catch (err) {
          logger.warn({ msg: 'job schedules unavailable', error: String(err) });
        }
      },
    });
  }

  observeJob(job: string, outcome: 'completed' | 'failed', seconds: number): void {
    this.jobDuration.observe({ job, outcome }, seconds);
    if (outcome === 'failed') this.jobFailures.inc({ job });
  }

  /** Times every request by its route pattern (`/api/v1/customers/:id`, never the raw URL, which would not aggregate). */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions?.url ?? 'unmatched';
      this.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
      this.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    });
  }

  /** GET /metrics on the API: 404 while no token is configured, 401 without the token. */
  serve(fastify: FastifyInstance, token: string | null): void {
    fastify.get('/metrics', async (req, reply) => {
      const refusal = token === null ? 404 : bearerMatches(req.headers.authorization, token) ? null : 401;
      if (refusal) return reply.status(refusal).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem(refusal, refusal === 404 ? 'Metrics are off: set METRICS_TOKEN.' : 'Send the metrics token as a bearer token.'));
      return reply.header('Content-Type', this.registry.contentType).send(await this.registry.metrics());
    });
  }

  /** The worker has no HTTP server of its own: a bare one on `port` answers GET /metrics with the same token rule. */
  listen(port: number, host: string, token: string): Promise<Server> {
    const server = createServer(async (req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') return void res.writeHead(404).end();
      if (!bearerMatches(req.headers.authorization, token)) return void res.writeHead(401).end();
      res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(await this.registry.metrics());
    });
    return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
