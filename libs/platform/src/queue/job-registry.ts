import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_HANDLER, JobHandlerFn } from './job-handler.decorator';
import { JOBS } from './job-catalog';

/** Finds the @JobHandler methods and checks, before anything runs, that every job has exactly one. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandlerFn>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit() {
    const found: { name: string; where: string; fn: JobHandlerFn }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const name = this.reflector.get<string | undefined>(JOB_HANDLER, proto[method]);
        if (name) found.push({ name, where: `${proto.constructor.name}.${method}`, fn: (proto[method] as JobHandlerFn).bind(instance) });
      }
    }
    const problems = checkHandlers(JOBS.map((j) => j.name), found);
    if (problems.length) throw new Error(`Job handlers do not match the job catalog:\n  - ${problems.join('\n  - ')}`);
    for (const h of found) this.handlers.set(h.name, h.fn);
  }

  handler(name: string): JobHandlerFn {
    const fn = this.handlers.get(name);
    if (!fn) throw new Error(`No handler for job "${name}"`);
    return fn;
  }
}

/** Pure check: each catalog job has one handler, and no handler serves a job the catalog lacks. */
export function checkHandlers(jobNames: readonly string[], found: { name: string; where: string }[]): string[] {
  const problems: string[] = [];
  for (const name of jobNames) {
    const at = found.filter((h) => h.name === name).map((h) => h.where);
    if (at.length === 0) problems.push(`job "${name}" has no handler`);
    if (at.length > 1) problems.push(`job "${name}" has ${at.length} handlers: ${at.join(', ')}`);
  }
  for (const h of found) if (!jobNames.includes(h.name)) problems.push(`${h.where} handles "${h.name}", which is not in the job catalog`);
  return problems;
}
