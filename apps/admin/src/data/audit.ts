import type { components } from '@crm/contracts';
import { auditQuery, type AuditFilters } from '../audit-values';
import { useKeysetList } from './keyset';

export type AuditEntry = components['schemas']['AuditEntryDto'];

/** Newest first, a page at a time; the previous result stays on screen while a new filter loads. */
export const useAuditLog = (filters: AuditFilters) => useKeysetList<AuditEntry>(['audit', filters], '/audit', auditQuery(filters));
