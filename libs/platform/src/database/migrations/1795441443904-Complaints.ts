import { MigrationInterface, QueryRunner } from 'typeorm';

export class Complaints1795441443904 implements MigrationInterface {
  name = 'Complaints1795441443904';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "complaints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" character varying(50), "external_id" character varying(100), "customer_id" uuid NOT NULL, "booking_external_id" character varying(100), "channel" character varying(20) NOT NULL, "category" character varying(20) NOT NULL, "severity" character varying(10) NOT NULL, "description" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "owner_id" uuid NOT NULL, "priority" character(2) NOT NULL, "tier" character(1), "status" character varying(30) NOT NULL, "next_due_at" TIMESTAMP WITH TIME ZONE, "attribution" character varying(20), "compensations" jsonb NOT NULL DEFAULT '[]', "corrective_action" jsonb, "incident_report" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "complaints_owner_idx" ON "complaints" ("owner_id") `);
    await queryRunner.query(`CREATE INDEX "complaints_customer_idx" ON "complaints" ("customer_id", "received_at") `);
    await queryRunner.query(`CREATE INDEX "complaints_queue_idx" ON "complaints" ("priority", "next_due_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "complaints_source_external_id_key" ON "complaints" ("source", "external_id") `);
    await queryRunner.query(`CREATE TABLE "complaint_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "type" character varying(30) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "note" text, CONSTRAINT "PK_e9979b3ca11620b323d58446a38" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" ("complaint_id", "at") `);
    await queryRunner.query(`CREATE TABLE "complaint_sla_clocks" ("complaint_id" uuid NOT NULL, "metric" character varying(30) NOT NULL, "period" integer NOT NULL, "minutes" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "warn_at" TIMESTAMP WITH TIME ZONE, "state" character varying(10) NOT NULL, "met_at" TIMESTAMP WITH TIME ZONE, "warned_at" TIMESTAMP WITH TIME ZONE, "breached_at" TIMESTAMP WITH TIME ZONE, "escalated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_182aca15ef259947875dbe6f8eb" PRIMARY KEY ("complaint_id", "metric", "period"))`);
    await queryRunner.query(`CREATE INDEX "complaint_sla_clocks_due_idx" ON "complaint_sla_clocks" ("due_at") WHERE state IN ('running', 'breached') AND met_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."complaint_sla_clocks_due_idx"`);
    await queryRunner.query(`DROP TABLE "complaint_sla_clocks"`);
    await queryRunner.query(`DROP INDEX "public"."complaint_events_complaint_idx"`);
    await queryRunner.query(`DROP TABLE "complaint_events"`);
    await queryRunner.query(`DROP INDEX "public"."complaints_source_external_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."complaints_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."complaints_customer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."complaints_owner_idx"`);
    await queryRunner.query(`DROP TABLE "complaints"`);
  }
}
