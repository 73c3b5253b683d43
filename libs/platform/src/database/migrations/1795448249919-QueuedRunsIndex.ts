import { MigrationInterface, QueryRunner } from 'typeorm';

export class QueuedRunsIndex1795448249919 implements MigrationInterface {
  name = 'QueuedRunsIndex1795448249919';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "job_runs_requested_queued_idx" ON "job_runs" ("created_at") WHERE "state" = 'queued' AND "scheduled_for" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."job_runs_requested_queued_idx"`);
  }
}
