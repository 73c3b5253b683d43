import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldError } from '@crm/platform';
import { ImportEntity, ImportRowEntity, RowOutcome } from './import.entity';

/** What applying one row did. */
export interface AppliedRow {
  rowNumber: number;
  outcome: RowOutcome;
  errors: FieldError[] | null;
  entityId: string | null;
}

const INSERT_CHUNK = 1000;

@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(m: EntityManager, values: Partial<ImportEntity>, rows: { rowNumber: number; cells: string[] }[]): Promise<string> {
    const id = (await m.insert(ImportEntity, values)).identifiers[0].id as string;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await m.insert(ImportRowEntity, rows.slice(i, i + INSERT_CHUNK).map((r) => ({ importId: id, rowNumber: r.rowNumber, cells: r.cells })));
    }
    return id;
  }

  findById(id: string): Promise<ImportEntity | null> {
    return this.dataSource.getRepository(ImportEntity).findOneBy({ id });
  }

  /** The row for update, so two "start" requests for one import take turns. */
  lock(m: EntityManager, id: string): Promise<ImportEntity | null> {
    return m.getRepository(ImportEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByJobRun(runId: string): Promise<ImportEntity | null> {
    return this.dataSource.getRepository(ImportEntity).findOneBy({ jobRunId: runId });
  }

  async update(m: EntityManager, id: string, values: Partial<ImportEntity>): Promise<void> {
    await m.update(ImportEntity, id, values);
  }

  /** The most recent earlier upload of the same file for the same kind of import. */
  findEarlierUpload(imp: ImportEntity): Promise<ImportEntity | null> {
    return this.dataSource
      .getRepository(ImportEntity)
      .createQueryBuilder('i')
      .where('i.file_sha256 = :sha AND i.kind = :kind AND i.created_at < :at', { sha: imp.fileSha256, kind: imp.kind, at: imp.createdAt })
      .orderBy('i.created_at', 'DESC')
      .getOne();
  }

  /** Rows in file order after `afterRow`; `pendingOnly` for the ones not applied yet, `failedOnly` for the report. */
  rows(importId: string, opts: { afterRow?: number; limit: number; pendingOnly?: boolean; failedOnly?: boolean }): Promise<ImportRowEntity[]> {
    const qb = this.dataSource
      .getRepository(ImportRowEntity)
      .createQueryBuilder('r')
      .where('r.import_id = :importId AND r.row_number > :after', { importId, after: opts.afterRow ?? 0 });
    if (opts.pendingOnly) qb.andWhere('r.outcome IS NULL');
    if (opts.failedOnly) qb.andWhere("r.outcome = 'failed'");
    return qb.orderBy('r.row_number', 'ASC').limit(opts.limit).getMany();
  }

  /**
   * Records outcomes and adds them to the import's counts in one statement. Only rows not recorded yet count,
   * so a chunk delivered twice (a retried job) is never counted twice.
   */
  async recordOutcomes(importId: string, applied: AppliedRow[]): Promise<void> {
    if (!applied.length) return;
    await this.dataSource.query(
      `WITH applied AS (
         UPDATE import_rows r SET outcome = v.outcome, errors = v.errors, entity_id = v.entity_id
         FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::uuid[]) AS v(row_number, outcome, errors, entity_id)
         WHERE r.import_id = $1 AND r.row_number = v.row_number AND r.outcome IS NULL
         RETURNING r.outcome
       )
       UPDATE imports SET
         processed = processed + (SELECT count(*) FROM applied),
         created = created + (SELECT count(*) FROM applied WHERE outcome = 'created'),
         updated = updated + (SELECT count(*) FROM applied WHERE outcome = 'updated'),
         unchanged = unchanged + (SELECT count(*) FROM applied WHERE outcome = 'unchanged'),
         failed = failed + (SELECT count(*) FROM applied WHERE outcome = 'failed')
       WHERE id = $1`,
      [
        importId,
        applied.map((a) => a.rowNumber),
        applied.map((a) => a.outcome),
        applied.map((a) => (a.errors ? JSON.stringify(a.errors) : null)),
        applied.map((a) => a.entityId),
      ],
    );
  }
}
