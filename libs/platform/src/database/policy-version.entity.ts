import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What every versioned policy (tiers, service levels) records about a saved version; a policy's entity adds its
 * rules. The newest version is in force; old ones stay, for "who changed what, when". Not a table of its own.
 */
export abstract class PolicyVersionColumns {
  @PrimaryGeneratedColumn('increment')
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
