import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaPolicies1795445236390 implements MigrationInterface {
  name = 'SlaPolicies1795445236390';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sla_policies" ("version" SERIAL NOT NULL, "targets" jsonb NOT NULL, "tier_targets" jsonb NOT NULL, "business_hours" jsonb NOT NULL, "calendar" jsonb NOT NULL, "created_by" uuid, "note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b4ff545faa16970dea56fbc467" PRIMARY KEY ("version"))`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "sla_policy_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "complaint_sla_clocks" ADD "escalate_at" TIMESTAMP WITH TIME ZONE`);
    // Clocks computed before: all calendar time, so escalation is a target period past the deadline, as sla-watch used to add it.
    await queryRunner.query(`UPDATE "complaint_sla_clocks" SET "escalate_at" = "due_at" + "minutes" * interval '1 minute' WHERE "due_at" IS NOT NULL AND "met_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint_sla_clocks" DROP COLUMN "escalate_at"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "sla_policy_version"`);
    await queryRunner.query(`DROP TABLE "sla_policies"`);
  }
}
