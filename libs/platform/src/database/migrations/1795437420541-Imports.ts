import { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1795437420541 implements MigrationInterface {
  name = 'Imports1795437420541';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL, "source" character varying(50) NOT NULL, "file_name" character varying(255) NOT NULL, "file_sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "headers" jsonb NOT NULL, "mapping" jsonb NOT NULL, "row_count" integer NOT NULL, "job_run_id" uuid, "processed" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "imports_file_sha256_idx" ON "imports" ("file_sha256") `);
    await queryRunner.query(`CREATE INDEX "imports_created_idx" ON "imports" ("created_at") `);
    await queryRunner.query(`CREATE TABLE "import_rows" ("import_id" uuid NOT NULL, "row_number" integer NOT NULL, "cells" jsonb NOT NULL, "outcome" character varying(10), "errors" jsonb, "entity_id" uuid, CONSTRAINT "PK_91bb5e34a40913867fcc14d42bc" PRIMARY KEY ("import_id", "row_number"))`);
    await queryRunner.query(`ALTER TABLE "import_rows" ADD CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_rows" DROP CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f"`);
    await queryRunner.query(`DROP TABLE "import_rows"`);
    await queryRunner.query(`DROP INDEX "public"."imports_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."imports_file_sha256_idx"`);
    await queryRunner.query(`DROP TABLE "imports"`);
  }
}
