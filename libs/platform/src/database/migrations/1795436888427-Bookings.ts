import { MigrationInterface, QueryRunner } from 'typeorm';

export class Bookings1795436888427 implements MigrationInterface {
  name = 'Bookings1795436888427';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "customer_owner_rule" ("id" smallint NOT NULL DEFAULT '1', "mode" character varying(20) NOT NULL DEFAULT 'round_robin', "default_owner_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8f7f7bf345e6aeb7be27132ec7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" character varying(50) NOT NULL, "external_id" character varying(100) NOT NULL, "customer_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "booked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "departure_date" date, "return_date" date, "destination" character varying(100), "product" character varying(200), "category" character varying(20), "travellers" integer NOT NULL DEFAULT '1', "amount_value" bigint NOT NULL, "amount_currency" character(3) NOT NULL, "payment_due_at" TIMESTAMP WITH TIME ZONE, "paid_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bee6805982cc1e248e94ce94957" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "bookings_booked_at_idx" ON "bookings" ("booked_at", "id") `);
    await queryRunner.query(`CREATE INDEX "bookings_customer_departure_idx" ON "bookings" ("customer_id", "departure_date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "bookings_source_external_id_key" ON "bookings" ("source", "external_id") `);
    await queryRunner.query(`CREATE TABLE "booking_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_98a388d04269b4caebe375616cd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "booking_status_changes_booking_idx" ON "booking_status_changes" ("booking_id", "at") `);
    await queryRunner.query(`ALTER TABLE "customers" ADD "merged_into_id" uuid`);
    await queryRunner.query(`CREATE INDEX "customers_merged_into_idx" ON "customers" ("merged_into_id") `);
    // Round-robin counter for owners of customers that booking systems create (no row lock to queue on).
    await queryRunner.query(`CREATE SEQUENCE "customer_owner_rr" MINVALUE 0 START 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "customer_owner_rr"`);
    await queryRunner.query(`DROP INDEX "public"."customers_merged_into_idx"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "merged_into_id"`);
    await queryRunner.query(`DROP INDEX "public"."booking_status_changes_booking_idx"`);
    await queryRunner.query(`DROP TABLE "booking_status_changes"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_source_external_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_customer_departure_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_booked_at_idx"`);
    await queryRunner.query(`DROP TABLE "bookings"`);
    await queryRunner.query(`DROP TABLE "customer_owner_rule"`);
  }
}
