import type { VisitStatus } from './visit.entity';

export type VisitAction = 'move' | 'cancel' | 'miss' | 'record';

/**
 * What a visit can become: only a planned visit is moved, cancelled or missed; a record marks it done, also
 * one first marked missed (it happened after all) or a done one whose record is corrected. Null: refused.
 * Missing and recording need the visit to have started.
 */
export function nextStatus(status: VisitStatus, action: VisitAction, started: boolean): VisitStatus | null {
  switch (action) {
    case 'move':
      return status === 'planned' ? 'planned' : null;
    case 'cancel':
      return status === 'planned' ? 'cancelled' : null;
    case 'miss':
      return status === 'planned' && started ? 'missed' : null;
    case 'record':
      return status !== 'cancelled' && started ? 'done' : null;
  }
}
