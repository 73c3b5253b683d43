export * from './complaints.module';
export { ComplaintsService } from './complaints.service';
/** The sla-watch statement, for the benchmark's bare-SQL floor. */
export { WATCH_SQL } from './complaints.repository';
export * from './complaint-rules';
export * from './sla-clock';
export type { FollowUpAnswer } from './complaint-follow-ups.repository';
