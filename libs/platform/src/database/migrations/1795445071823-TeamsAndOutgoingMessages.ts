import { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamsAndOutgoingMessages1795445071823 implements MigrationInterface {
  name = 'TeamsAndOutgoingMessages1795445071823';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "manager_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "teams_name_key" ON "teams" ("name") `);
    await queryRunner.query(`CREATE TABLE "outgoing_messages" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "channel" character varying(10) NOT NULL, "recipient" character varying(254) NOT NULL, "user_id" uuid, "subject" character varying(300), "body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "source_event_id" bigint, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07b4e3d736026c72f3e61a8fb99" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outgoing_messages_status_idx" ON "outgoing_messages" ("status", "id") `);
    await queryRunner.query(`CREATE INDEX "outgoing_messages_due_idx" ON "outgoing_messages" ("channel", "next_attempt_at") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "outgoing_messages_source_key" ON "outgoing_messages" ("source_event_id", "channel", "recipient") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "team_id" uuid`);
    await queryRunner.query(`CREATE INDEX "users_team_idx" ON "users" ("team_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_team_idx"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "team_id"`);
    await queryRunner.query(`DROP INDEX "public"."outgoing_messages_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."outgoing_messages_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outgoing_messages_status_idx"`);
    await queryRunner.query(`DROP TABLE "outgoing_messages"`);
    await queryRunner.query(`DROP INDEX "public"."teams_name_key"`);
    await queryRunner.query(`DROP TABLE "teams"`);
  }
}
