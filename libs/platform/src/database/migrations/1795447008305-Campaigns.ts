import { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1795447008305 implements MigrationInterface {
  name = 'Campaigns1795447008305';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "discount_percent" smallint NOT NULL, "holdout_percent" smallint NOT NULL, "channels" text array NOT NULL, "quiet_start" character varying(5), "quiet_end" character varying(5), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaigns_name_key" ON "campaigns" ("name") `);
    await queryRunner.query(`CREATE TABLE "campaign_recipients" ("campaign_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "group" character varying(10) NOT NULL, "channel" character varying(10) NOT NULL, "language" character varying(5) NOT NULL, "offer_destination" character varying(100), "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outgoing_message_id" bigint, "picked_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "campaign_recipients_message_check" CHECK (("group" = 'treated') = (outgoing_message_id IS NOT NULL)), CONSTRAINT "PK_5d92964f2894a7fbf079be7cdb8" PRIMARY KEY ("campaign_id", "customer_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_recipients_message_key" ON "campaign_recipients" ("outgoing_message_id") `);
    await queryRunner.query(`CREATE INDEX "campaign_recipients_customer_idx" ON "campaign_recipients" ("customer_id") `);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD CONSTRAINT "FK_37f67f778844dcc3a0d641a6173" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP CONSTRAINT "FK_37f67f778844dcc3a0d641a6173"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_recipients_customer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_recipients_message_key"`);
    await queryRunner.query(`DROP TABLE "campaign_recipients"`);
    await queryRunner.query(`DROP INDEX "public"."campaigns_name_key"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
