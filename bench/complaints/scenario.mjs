// What the complaints generator makes and the run script measures against.
export const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/crm_bench_complaints';
/** "Now" of the benchmark: every complaint was received in the HOURS before it, and sla-watch runs as of it. */
export const AS_OF = new Date('2030-01-10T00:00:00Z');
export const HOURS = 80;
