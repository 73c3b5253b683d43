export * from './visits.module';
export { VisitPlansService } from './visit-plans.service';
export { VisitsService } from './visits.service';
export { VisitComplianceService } from './visit-compliance.service';
export { InteractionsService } from './interactions.service';
export * from './visit-schedule';
export * from './visit-compliance';
export { INTERACTION_KINDS, type InteractionKind, VISIT_STATUSES, type VisitStatus } from './visit.entity';
