export * from './complaints.module';
export { ComplaintsService } from './complaints.service';
export * from './complaint-rules';
export * from './sla-clock';
