import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config, FieldError, ProblemException, QueueService } from '@crm/platform';
import { Principal, UsersService } from '@crm/identity';
import { CustomerIdentityService, SourceCustomer } from '@crm/customers';
import { BookingsService } from '@crm/bookings';
import { ImportRowEntity, RowOutcome } from './import.entity';
import { AppliedRow, ImportsRepository } from './imports.repository';
import { RowCheck, importField, rowChecker } from './row-input';

export const IMPORT_JOB = 'import';
export const IMPORTER_ROLES: readonly string[] = ['admin', 'manager'];
/** Rows applied between two progress reports; a bookings chunk is one batch call. */
const CHUNK = 200;

/**
 * The import job's work: rows go through the customers and bookings services, which resolve people and
 * bookings by their keys, so importing a file again changes nothing.
 */
@Injectable()
export class ImportApplyService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly queue: QueueService,
    private readonly users: UsersService,
    private readonly identity: CustomerIdentityService,
    private readonly bookings: BookingsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * The job: applies the rows not applied yet, a chunk at a time, as the user who started it. A redelivered
   * job resumes after the last recorded chunk; a chunk applied but not recorded is applied again, which the
   * services make harmless (its rows then count as unchanged).
   */
  async applyPending(runId: string, progress: (percent: number) => Promise<void>): Promise<unknown> {
    const imp = await this.repo.findByJobRun(runId);
    if (!imp) return { skipped: 'no import belongs to this run' };
    const actor = await this.importer((await this.queue.getRun(runId)).requestedBy);
    const check = rowChecker(imp, this.config.timeZone);
    for (let done = imp.processed; ; ) {
      const rows = await this.repo.rows(imp.id, { pendingOnly: true, limit: CHUNK });
      if (!rows.length) break;
      const applied = imp.kind === 'customers' ? await this.applyCustomers(actor, imp.source, rows, check) : await this.applyBookings(actor, rows, check);
      await this.repo.recordOutcomes(imp.id, applied);
      done += rows.length;
      await progress((done * 100) / imp.rowCount);
    }
    const { created, updated, unchanged, failed } = (await this.repo.findById(imp.id))!;
    return { created, updated, unchanged, failed };
  }

  private async applyCustomers(actor: Principal, source: string, rows: ImportRowEntity[], check: RowCheck): Promise<AppliedRow[]> {
    const applied: AppliedRow[] = [];
    for (const row of rows) {
      const { input, errors } = check(row.cells);
      if (!input) {
        applied.push(failedRow(row, errors));
        continue;
      }
      try {
        const { id, status, changed } = await this.identity.upsertFromSource(actor, source, input as SourceCustomer);
        const outcome = status === 201 ? 'created' : changed ? 'updated' : 'unchanged';
        applied.push({ rowNumber: row.rowNumber, outcome, errors: null, entityId: id });
      } catch (err) {
        applied.push(failedRow(row, refusal(err)));
      }
    }
    return applied;
  }

  private async applyBookings(actor: Principal, rows: ImportRowEntity[], check: RowCheck): Promise<AppliedRow[]> {
    const checked = rows.map((row) => ({ row, ...check(row.cells) }));
    const valid = checked.filter((c) => c.input) as { row: ImportRowEntity; input: { source: string; externalId: string } }[];
    const { results } = await this.bookings.applyBatch(actor, valid.map((v) => v.input));
    const outcomes = new Map<number, AppliedRow>();
    for (const [i, r] of results.entries()) {
      const row = valid[i].row;
      if (r.status === 201) outcomes.set(row.rowNumber, { rowNumber: row.rowNumber, outcome: 'created', errors: null, entityId: r.id! });
      else if (r.status === 200) outcomes.set(row.rowNumber, { rowNumber: row.rowNumber, outcome: r.changed ? 'updated' : 'unchanged', errors: null, entityId: r.id! });
      else outcomes.set(row.rowNumber, failedRow(row, (r.errors ?? []).map((e) => ({ field: importField(e.field), message: e.message }))));
    }
    return checked.map((c) => outcomes.get(c.row.rowNumber) ?? failedRow(c.row, c.errors));
  }

  /** The user who started the run, who must still be allowed to import. */
  private async importer(userId: string | null): Promise<Principal> {
    const user = userId ? await this.users.get(userId) : null;
    if (!user || !user.active || !IMPORTER_ROLES.includes(user.role)) throw new Error('The user who started this import can no longer import.');
    return { kind: 'user', id: user.id, email: user.email, name: user.name, role: user.role };
  }
}

function failedRow(row: ImportRowEntity, errors: FieldError[]): AppliedRow {
  return { rowNumber: row.rowNumber, outcome: 'failed', errors, entityId: null };
}

/** A row the service refused (422, 409) fails alone; anything else (the database is down) fails the chunk, to be retried. */
function refusal(err: unknown): FieldError[] {
  if (!(err instanceof ProblemException) || err.getStatus() >= 500) throw err;
  const body = err.getResponse() as { detail?: string; errors?: FieldError[] };
  return body.errors?.length ? body.errors.map((e) => ({ field: importField(e.field), message: e.message })) : [{ field: '', message: body.detail ?? 'refused' }];
}
