import { SetMetadata } from '@nestjs/common';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** What a job handler gets: the run's moment (`asOf`, never the wall clock) and a way to report progress. */
export interface JobContext {
  runId: string;
  name: string;
  asOf: Date;
  progress(percent: number): Promise<void>;
}

export type JobHandlerFn = (ctx: JobContext) => Promise<unknown>;

/** Marks a method of a `*.job.ts` provider as the one handler of the named job (see job-catalog.ts). */
export const JobHandler = (name: string) => SetMetadata(JOB_HANDLER, name);
