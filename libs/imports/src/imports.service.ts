import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config, FieldError, JobRunEntity, ProblemException, QueueService, decodeCursor, encodeCursor, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, isUuid } from '@crm/identity';
import { IMPORTER_ROLES, IMPORT_JOB } from './import-apply.service';
import { ImportKind, IMPORT_FIELDS, mappingErrors, suggestMapping } from './import-fields';
import { ImportEntity } from './import.entity';
import { ImportsRepository } from './imports.repository';
import { rowChecker } from './row-input';
import { UnreadableSpreadsheet, readSpreadsheet } from './spreadsheet';
import { DryRunDto, ImportDto, ImportRowListDto, ImportRowQueryDto, MappingInputDto, RowErrorDto, UploadQueryDto } from './dto/import.dto';

/** The upload route's own body limit (the API's JSON limit is much smaller); larger files get 413. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_DRY_RUN_ERRORS = 1000;
const SAMPLE_ROWS = 20;
const DRY_RUN_PAGE = 1000;
const DEFAULT_SOURCE = 'import';

/**
 * Spreadsheet imports: upload (parsed and kept row by row), column mapping with a preview, a dry run that
 * writes nothing, and starting the import as a background job (ImportApplyService does the rows).
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async upload(p: Principal, q: UploadQueryDto, file: unknown): Promise<ImportDto> {
    assertImporter(p);
    if (!Buffer.isBuffer(file) || !file.length) throw unprocessable([{ field: 'file', message: 'send the file as the request body (application/octet-stream)' }]);
    const sheet = await readSpreadsheet(file).catch((err) => {
      throw err instanceof UnreadableSpreadsheet ? unprocessable([{ field: 'file', message: 'the file is not a readable .xlsx or .csv spreadsheet' }]) : err;
    });
    if (!sheet.rows.length) throw unprocessable([{ field: 'file', message: 'the file has a header row but no data rows' }]);
    if (sheet.rows.length > MAX_IMPORT_ROWS) throw unprocessable([{ field: 'file', message: `the file has ${sheet.rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once` }]);
    const fileSha256 = createHash('sha256').update(file).digest('hex');
    const id = await this.repo.transaction(async (m) => {
      const id = await this.repo.insert(
        m,
        { kind: q.kind, source: q.source ?? DEFAULT_SOURCE, fileName: q.fileName, fileSha256, uploadedBy: p.id, headers: sheet.headers, mapping: suggestMapping(q.kind, sheet.headers), rowCount: sheet.rows.length },
        sheet.rows,
      );
      await this.audit.record(p, { action: 'import.upload', entityType: 'import', entityId: id, details: { kind: q.kind, fileName: q.fileName, fileSha256, rowCount: sheet.rows.length } }, m);
      return id;
    });
    return this.view(await this.found(id));
  }

  async get(p: Principal, id: string): Promise<ImportDto> {
    assertImporter(p);
    return this.view(await this.found(id));
  }

  async setMapping(p: Principal, id: string, dto: MappingInputDto): Promise<ImportDto> {
    assertImporter(p);
    const imp = await this.found(id);
    if (imp.jobRunId) throw new ProblemException(409, 'The import has started; its mapping can no longer change.');
    const errors = mappingErrors(imp.kind, dto.mapping, imp.headers.length);
    if (errors.length) throw unprocessable(errors);
    const values = { mapping: dto.mapping, source: dto.source ?? imp.source };
    await this.repo.transaction(async (m) => {
      await this.repo.update(m, id, values);
      await this.audit.record(p, { action: 'import.map', entityType: 'import', entityId: id, details: values }, m);
    });
    return this.view(await this.found(id));
  }

  /** Every row checked as the import would check it; nothing is written. */
  async dryRun(p: Principal, id: string): Promise<DryRunDto> {
    assertImporter(p);
    const imp = await this.found(id);
    this.checkMapping(imp);
    const check = rowChecker(imp, this.config.timeZone);
    const result: DryRunDto = { rowCount: imp.rowCount, valid: 0, invalid: 0, errors: [] };
    for (let after = 0; ; ) {
      const rows = await this.repo.rows(imp.id, { afterRow: after, limit: DRY_RUN_PAGE });
      if (!rows.length) return result;
      for (const row of rows) {
        const { errors } = check(row.cells);
        if (!errors.length) result.valid++;
        else {
          result.invalid++;
          result.errors.push(...this.rowErrors(imp, row.rowNumber, errors).slice(0, MAX_DRY_RUN_ERRORS - result.errors.length));
        }
      }
      after = rows[rows.length - 1].rowNumber;
    }
  }

  /** Starts the import job; starting it again while it runs or after it completed changes nothing. A failed import can be resumed. */
  async start(p: Principal, id: string): Promise<ImportDto> {
    assertImporter(p);
    this.checkMapping(await this.found(id));
    const run = await this.repo.transaction(async (m) => {
      const imp = (await this.repo.lock(m, id))!;
      if (imp.jobRunId && (await this.queue.getRun(imp.jobRunId)).state !== 'failed') return null;
      const run = await this.queue.prepare(IMPORT_JOB, p.id);
      await this.repo.update(m, id, { jobRunId: run.id });
      await this.audit.record(p, { action: 'import.start', entityType: 'import', entityId: id, details: { runId: run.id } }, m);
      return run;
    });
    // Enqueued only once the run is linked, so the job always finds its import.
    if (run) await this.queue.enqueue(run);
    return this.view(await this.found(id));
  }

  async rows(p: Principal, id: string, q: ImportRowQueryDto): Promise<ImportRowListDto> {
    assertImporter(p);
    const imp = await this.found(id);
    const limit = q.limit ?? 100;
    const after = q.cursor ? Number(decodeCursor(q.cursor, 1)[0]) : 0;
    const rows = await this.repo.rows(imp.id, { afterRow: after, limit: limit + 1, failedOnly: q.outcome === 'failed' });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells, outcome: r.outcome, errors: r.errors ?? [], entityId: r.entityId })),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].rowNumber]) : null,
    };
  }

  private checkMapping(imp: ImportEntity) {
    const errors = mappingErrors(imp.kind, imp.mapping, imp.headers.length);
    if (errors.length) throw unprocessable(errors, 'The column mapping is incomplete; see errors.');
  }

  private rowErrors(imp: ImportEntity, rowNumber: number, errors: FieldError[]): RowErrorDto[] {
    return errors.map((e) => ({ rowNumber, field: e.field, column: imp.mapping[e.field] ?? null, message: e.message }));
  }

  private async found(id: string): Promise<ImportEntity> {
    const imp = isUuid(id) ? await this.repo.findById(id) : null;
    if (!imp) throw notFound('The import');
    return imp;
  }

  private async view(imp: ImportEntity): Promise<ImportDto> {
    const run: JobRunEntity | null = imp.jobRunId ? await this.queue.getRun(imp.jobRunId) : null;
    const [sample, earlier] = await Promise.all([this.repo.rows(imp.id, { limit: SAMPLE_ROWS }), this.repo.findEarlierUpload(imp)]);
    return {
      id: imp.id,
      kind: imp.kind,
      source: imp.source,
      fileName: imp.fileName,
      headers: imp.headers,
      mapping: imp.mapping,
      fields: fieldsOf(imp.kind),
      sample: sample.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells })),
      rowCount: imp.rowCount,
      state: run?.state ?? 'ready',
      progress: run?.state === 'completed' ? 100 : Math.floor((imp.processed * 100) / imp.rowCount),
      counts: { created: imp.created, updated: imp.updated, unchanged: imp.unchanged, failed: imp.failed },
      jobRunId: imp.jobRunId,
      error: run?.state === 'failed' ? run.error : null,
      earlierUpload: earlier ? { id: earlier.id, createdAt: earlier.createdAt.toISOString() } : null,
      createdAt: imp.createdAt.toISOString(),
    };
  }
}

function assertImporter(p: Principal) {
  if (p.kind !== 'user' || !IMPORTER_ROLES.includes(p.role)) throw new ProblemException(403, 'Only admins and managers import spreadsheets.');
}

const fieldsOf = (kind: ImportKind) => IMPORT_FIELDS[kind].map((f) => ({ key: f.key, required: f.required }));
