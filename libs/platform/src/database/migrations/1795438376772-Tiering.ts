import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tiering1795438376772 implements MigrationInterface {
  name = 'Tiering1795438376772';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_events" ("id" BIGSERIAL NOT NULL, "type" character varying(100) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" ("id") WHERE "relayed_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(50) NOT NULL, "params" jsonb NOT NULL, "entity_type" character varying(50), "entity_id" uuid, "source_event_id" bigint, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_source_event_key" ON "notifications" ("source_event_id") `);
    await queryRunner.query(`CREATE INDEX "notifications_user_idx" ON "notifications" ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "tier_policies" ("version" SERIAL NOT NULL, "rules" jsonb NOT NULL, "service" jsonb NOT NULL, "created_by" uuid, "note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_16984edf2ebb0706497519310ae" PRIMARY KEY ("version"))`);
    await queryRunner.query(`CREATE TABLE "customer_tier_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "from_tier" character varying(1), "to_tier" character varying(1), "from_quadrant" character varying(20), "to_quadrant" character varying(20), "from_flags" text array NOT NULL, "to_flags" text array NOT NULL, "sales" bigint NOT NULL, "policy_version" integer NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bd812cb04bc888104e7747c0cc2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "customer_tier_changes_customer_idx" ON "customer_tier_changes" ("customer_id", "at") `);
    await queryRunner.query(`ALTER TABLE "customers" ADD "tier_flags" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "customers" ADD "tier_reason" jsonb`);
    await queryRunner.query(`ALTER TABLE "customers" ADD "tier_changed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "tier_changed_at"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "tier_reason"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "tier_flags"`);
    await queryRunner.query(`DROP INDEX "public"."customer_tier_changes_customer_idx"`);
    await queryRunner.query(`DROP TABLE "customer_tier_changes"`);
    await queryRunner.query(`DROP TABLE "tier_policies"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_source_event_key"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_events_pending_idx"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
  }
}
