import { MigrationInterface, QueryRunner } from 'typeorm';

export class Visits1795445421502 implements MigrationInterface {
  name = 'Visits1795445421502';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "visit_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "contact_id" uuid, "manager_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "recurrence" character varying(30) NOT NULL, "interval_weeks" smallint, "weekday" smallint, "nth" smallint, "month_day" smallint, "time" character(5) NOT NULL, "duration_minutes" smallint NOT NULL, "place" character varying(300), "route_order" smallint, "start_date" date NOT NULL, "end_date" date, "scheduled_through" date, "note" character varying(1000), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2ad73c560aa9d8768ffe625f8e5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "visit_plans_manager_idx" ON "visit_plans" ("manager_id") `);
    await queryRunner.query(`CREATE INDEX "visit_plans_customer_idx" ON "visit_plans" ("customer_id") `);
    await queryRunner.query(`CREATE TABLE "visits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid, "plan_date" date, "customer_id" uuid NOT NULL, "contact_id" uuid, "manager_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(300), "route_order" smallint, "status" character varying(20) NOT NULL, "detached" boolean NOT NULL DEFAULT false, "reason" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "visits_customer_idx" ON "visits" ("customer_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "visits_manager_idx" ON "visits" ("manager_id", "starts_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "visits_plan_date_key" ON "visits" ("plan_id", "plan_date") `);
    await queryRunner.query(`CREATE TABLE "visit_records" ("visit_id" uuid NOT NULL, "attendees" jsonb NOT NULL, "feedback" text, "problems" jsonb NOT NULL, "opportunities" jsonb NOT NULL, "satisfaction" smallint, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b5df0b948913466d98163d81b68" PRIMARY KEY ("visit_id"))`);
    await queryRunner.query(`CREATE TABLE "visit_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "title" character varying(500) NOT NULL, "owner_id" uuid NOT NULL, "due_on" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7316373f86dda066c5ec77af250" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "visit_tasks_visit_idx" ON "visit_tasks" ("visit_id") `);
    await queryRunner.query(`CREATE INDEX "visit_tasks_owner_idx" ON "visit_tasks" ("owner_id", "due_on") WHERE done_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "customer_interactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "note" character varying(2000), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ab59a84ac9440a32e04d73dac0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "customer_interactions_customer_idx" ON "customer_interactions" ("customer_id", "at") `);
    await queryRunner.query(`CREATE TABLE "visit_overdue_episodes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "due_by" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c544f73d26693cd644c0ba7bbdd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "visit_overdue_episodes_open_key" ON "visit_overdue_episodes" ("customer_id") WHERE ended_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "visit_holidays" ("date" date NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "PK_44837b4557384184eb06352d1ea" PRIMARY KEY ("date"))`);
    await queryRunner.query(`CREATE TABLE "visit_calendar_feeds" ("user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8213833a56328fd1afb3c56df21" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "visit_calendar_feeds_token_key" ON "visit_calendar_feeds" ("token_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."visit_calendar_feeds_token_key"`);
    await queryRunner.query(`DROP TABLE "visit_calendar_feeds"`);
    await queryRunner.query(`DROP TABLE "visit_holidays"`);
    await queryRunner.query(`DROP INDEX "public"."visit_overdue_episodes_open_key"`);
    await queryRunner.query(`DROP TABLE "visit_overdue_episodes"`);
    await queryRunner.query(`DROP INDEX "public"."customer_interactions_customer_idx"`);
    await queryRunner.query(`DROP TABLE "customer_interactions"`);
    await queryRunner.query(`DROP INDEX "public"."visit_tasks_owner_idx"`);
    await queryRunner.query(`DROP INDEX "public"."visit_tasks_visit_idx"`);
    await queryRunner.query(`DROP TABLE "visit_tasks"`);
    await queryRunner.query(`DROP TABLE "visit_records"`);
    await queryRunner.query(`DROP INDEX "public"."visits_plan_date_key"`);
    await queryRunner.query(`DROP INDEX "public"."visits_manager_idx"`);
    await queryRunner.query(`DROP INDEX "public"."visits_customer_idx"`);
    await queryRunner.query(`DROP TABLE "visits"`);
    await queryRunner.query(`DROP INDEX "public"."visit_plans_customer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."visit_plans_manager_idx"`);
    await queryRunner.query(`DROP TABLE "visit_plans"`);
  }
}
