import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChurnScore1795445566408 implements MigrationInterface {
  name = 'ChurnScore1795445566408';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lifecycle_model_fits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "r" double precision NOT NULL, "alpha" double precision NOT NULL, "a" double precision NOT NULL, "b" double precision NOT NULL, "log_likelihood" double precision NOT NULL, "customers" integer NOT NULL, "fitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2ea2fec3c952fe780c0deda0432" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "lifecycle_model_fits_as_of_key" ON "lifecycle_model_fits" ("as_of") `);
    await queryRunner.query(`ALTER TABLE "customers" ADD "prediction" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "prediction"`);
    await queryRunner.query(`DROP INDEX "public"."lifecycle_model_fits_as_of_key"`);
    await queryRunner.query(`DROP TABLE "lifecycle_model_fits"`);
  }
}
