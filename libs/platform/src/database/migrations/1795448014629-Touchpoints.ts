import { MigrationInterface, QueryRunner } from 'typeorm';

export class Touchpoints1795448014629 implements MigrationInterface {
  name = 'Touchpoints1795448014629';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "touchpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(30) NOT NULL, "customer_id" uuid NOT NULL, "booking_id" uuid, "occasion" character varying(50) NOT NULL, "task" boolean NOT NULL, "owner_id" uuid NOT NULL, "due_on" date NOT NULL, "message_id" bigint, "details" jsonb NOT NULL DEFAULT '{}', "done_at" TIMESTAMP WITH TIME ZONE, "done_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_dbfb9c44f3527f036559d3258ff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "touchpoints_customer_idx" ON "touchpoints" ("customer_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "touchpoints_open_tasks_idx" ON "touchpoints" ("owner_id", "due_on") WHERE task AND done_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "touchpoints_once_key" ON "touchpoints" ("customer_id", "occasion") `);
    await queryRunner.query(`CREATE TABLE "nps_surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "touchpoint_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "booking_id" uuid, "owner_id" uuid NOT NULL, "destination" character varying(100), "lang" character varying(5) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "score" smallint, "comment" text, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6482890fe8869682e4735784465" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "nps_surveys_touchpoint_key" ON "nps_surveys" ("touchpoint_id") `);
    await queryRunner.query(`CREATE INDEX "nps_surveys_customer_idx" ON "nps_surveys" ("customer_id", "answered_at") `);
    await queryRunner.query(`CREATE INDEX "nps_surveys_answered_idx" ON "nps_surveys" ("answered_at") WHERE answered_at IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."nps_surveys_answered_idx"`);
    await queryRunner.query(`DROP INDEX "public"."nps_surveys_customer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."nps_surveys_touchpoint_key"`);
    await queryRunner.query(`DROP TABLE "nps_surveys"`);
    await queryRunner.query(`DROP INDEX "public"."touchpoints_once_key"`);
    await queryRunner.query(`DROP INDEX "public"."touchpoints_open_tasks_idx"`);
    await queryRunner.query(`DROP INDEX "public"."touchpoints_customer_idx"`);
    await queryRunner.query(`DROP TABLE "touchpoints"`);
  }
}
