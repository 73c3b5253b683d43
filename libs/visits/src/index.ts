export * from './visits.module';
export { VisitComplianceService } from './visit-compliance.service';
export { InteractionsService } from './interactions.service';
export * from './visit-schedule';
export * from './visit-compliance';
export { INTERACTION_KINDS, type InteractionKind, VISIT_STATUSES, type VisitStatus } from './visit.entity';
