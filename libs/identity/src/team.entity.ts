import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A team of staff under one manager: a complaint whose owner is in the team escalates to that manager when it
 * breaches. A user belongs to at most one team (users.team_id).
 */
@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('teams_name_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** A user with role manager or admin; null until one is set. */
  @Column({ name: 'manager_id', type: 'uuid', nullable: true })
  managerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
