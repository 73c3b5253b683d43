import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { FieldError } from '@crm/platform';
import type { ColumnMapping, ImportKind } from './import-fields';

export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'failed'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** An uploaded spreadsheet: its parsed rows wait in import_rows until the import job applies them. */
@Entity('imports')
@Index('imports_created_idx', ['createdAt'])
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ImportKind;

  /** The system the sheet's ids belong to: (source, id) finds the same customer or booking again. */
  @Column({ type: 'varchar', length: 50 })
  source: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Index('imports_file_sha256_idx')
  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ type: 'jsonb' })
  headers: string[];

  @Column({ type: 'jsonb' })
  mapping: ColumnMapping;

  @Column({ name: 'row_count', type: 'int' })
  rowCount: number;

  /** The job run applying it; null until started. Its state is the import's state. */
  @Column({ name: 'job_run_id', type: 'uuid', nullable: true })
  jobRunId: string | null;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  created: number;

  @Column({ type: 'int', default: 0 })
  updated: number;

  @Column({ type: 'int', default: 0 })
  unchanged: number;

  @Column({ type: 'int', default: 0 })
  failed: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One data row of an import, with what applying it did. */
@Entity('import_rows')
export class ImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  /** The row's number in the file, as the user sees it in Excel (the header is usually row 1). */
  @PrimaryColumn({ name: 'row_number', type: 'int' })
  rowNumber: number;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: Relation<ImportEntity>;

  @Column({ type: 'jsonb' })
  cells: string[];

  /** Null until applied. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  outcome: RowOutcome | null;

  @Column({ type: 'jsonb', nullable: true })
  errors: FieldError[] | null;

  /** The customer or booking the row resolved to. */
  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;
}
