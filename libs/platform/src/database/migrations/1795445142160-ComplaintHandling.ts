import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintHandling1795445142160 implements MigrationInterface {
  name = 'ComplaintHandling1795445142160';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "complaint_follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(10) NOT NULL, "satisfied" boolean, "note" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "notified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_eb11501fedb29e02d8e270b441f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "complaint_follow_ups_due_idx" ON "complaint_follow_ups" ("due_at", "id") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX "complaint_follow_ups_complaint_idx" ON "complaint_follow_ups" ("complaint_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "complaint_follow_ups_pending_key" ON "complaint_follow_ups" ("complaint_id") WHERE status = 'pending'`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "compensations_decided_by" uuid`);
    await queryRunner.query(`ALTER TABLE "complaints" ADD "compensations_decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "complaints_received_idx" ON "complaints" ("received_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."complaints_received_idx"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "compensations_decided_at"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "compensations_decided_by"`);
    await queryRunner.query(`DROP INDEX "public"."complaint_follow_ups_pending_key"`);
    await queryRunner.query(`DROP INDEX "public"."complaint_follow_ups_complaint_idx"`);
    await queryRunner.query(`DROP INDEX "public"."complaint_follow_ups_due_idx"`);
    await queryRunner.query(`DROP TABLE "complaint_follow_ups"`);
  }
}
