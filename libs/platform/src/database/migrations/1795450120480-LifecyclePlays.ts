import { MigrationInterface, QueryRunner } from 'typeorm';

export class LifecyclePlays1795450120480 implements MigrationInterface {
  name = 'LifecyclePlays1795450120480';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lifecycle_plays" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_on" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "done_by" uuid, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_68a280b79fc3240af59ef28a5e0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "lifecycle_plays_owner_due_idx" ON "lifecycle_plays" ("owner_id", "due_on") WHERE ended_at IS NULL AND done_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "lifecycle_plays_open_customer_key" ON "lifecycle_plays" ("customer_id") WHERE ended_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."lifecycle_plays_open_customer_key"`);
    await queryRunner.query(`DROP INDEX "public"."lifecycle_plays_owner_due_idx"`);
    await queryRunner.query(`DROP TABLE "lifecycle_plays"`);
  }
}
