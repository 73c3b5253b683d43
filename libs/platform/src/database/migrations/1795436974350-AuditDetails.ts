import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditDetails1795436974350 implements MigrationInterface {
  name = 'AuditDetails1795436974350';

  // Generated, then two hand fixes: the collation changes keep varchar(100) (TypeORM dropped the length), and
  // down restores the original index's column order.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "ip" inet`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "changes" jsonb`);
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "action" TYPE character varying(100) COLLATE "C"`);
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_action_idx" ON "audit_log" ("action", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_type", "actor_id", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_entity_idx" ON "audit_log" ("entity_type", "entity_id", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_action_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_at_idx"`);
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "action" TYPE character varying(100) COLLATE pg_catalog."default"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "changes"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "ip"`);
    await queryRunner.query(`CREATE INDEX "audit_log_entity_idx" ON "audit_log" ("entity_type", "entity_id", "at") `);
  }
}
