import { MigrationInterface, QueryRunner } from 'typeorm';

export class Lifecycle1795447001324 implements MigrationInterface {
  name = 'Lifecycle1795447001324';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lifecycle_stage_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "from_stage" character varying(20), "to_stage" character varying(20) NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1d6586f2ab276d99f89ca0c4904" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "lifecycle_stage_changes_customer_as_of_key" ON "lifecycle_stage_changes" ("customer_id", "as_of") `);
    await queryRunner.query(`CREATE TABLE "customer_health_scores" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "score" smallint, "band" character varying(10), "policy_version" integer NOT NULL, CONSTRAINT "PK_8203aaabcfec9748e11e97b7905" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "customer_health_scores_customer_as_of_key" ON "customer_health_scores" ("customer_id", "as_of") `);
    await queryRunner.query(`CREATE TABLE "health_policies" ("version" integer NOT NULL, "weights" jsonb NOT NULL, "bands" jsonb NOT NULL, "default_gap_days" integer NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "note" character varying(500), CONSTRAINT "PK_c46956bf23b0a2daf6a59cb5d06" PRIMARY KEY ("version"))`);
    // The at-risk list reads only that stage's customers (declared with synchronize: false on the customer entity).
    await queryRunner.query(`CREATE INDEX "customers_at_risk_idx" ON "customers" ("owner_id") WHERE lifecycle_stage = 'at_risk' AND deleted_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."customers_at_risk_idx"`);
    await queryRunner.query(`DROP TABLE "health_policies"`);
    await queryRunner.query(`DROP INDEX "public"."customer_health_scores_customer_as_of_key"`);
    await queryRunner.query(`DROP TABLE "customer_health_scores"`);
    await queryRunner.query(`DROP INDEX "public"."lifecycle_stage_changes_customer_as_of_key"`);
    await queryRunner.query(`DROP TABLE "lifecycle_stage_changes"`);
  }
}
