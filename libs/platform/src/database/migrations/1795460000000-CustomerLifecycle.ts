import { MigrationInterface, QueryRunner } from 'typeorm';

/** The churn-score job's results move off the customers row into their own table (kept as they were). */
export class CustomerLifecycle1795460000000 implements MigrationInterface {
  name = 'CustomerLifecycle1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "customer_lifecycle" ("customer_id" uuid NOT NULL, "stage" character varying(20), "health" jsonb, "prediction" jsonb, CONSTRAINT "PK_customer_lifecycle" PRIMARY KEY ("customer_id"))`);
    await queryRunner.query(`INSERT INTO "customer_lifecycle" ("customer_id", "stage", "health", "prediction")
      SELECT "id", "lifecycle_stage", "health", "prediction" FROM "customers"
      WHERE "lifecycle_stage" IS NOT NULL OR "health" IS NOT NULL OR "prediction" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "customer_lifecycle_stage_idx" ON "customer_lifecycle" ("stage") `);
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" ADD CONSTRAINT "FK_customer_lifecycle_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`DROP INDEX "public"."customers_at_risk_idx"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "lifecycle_stage", DROP COLUMN "health", DROP COLUMN "prediction"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customers" ADD "lifecycle_stage" character varying(20), ADD "health" jsonb, ADD "prediction" jsonb`);
    await queryRunner.query(`UPDATE "customers" c SET "lifecycle_stage" = l."stage", "health" = l."health", "prediction" = l."prediction" FROM "customer_lifecycle" l WHERE l."customer_id" = c."id"`);
    await queryRunner.query(`CREATE INDEX "customers_at_risk_idx" ON "customers" ("owner_id") WHERE lifecycle_stage = 'at_risk' AND deleted_at IS NULL`);
    await queryRunner.query(`DROP TABLE "customer_lifecycle"`);
  }
}
