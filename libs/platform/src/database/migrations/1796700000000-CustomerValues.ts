import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lifetime value moves off the customers row into a narrow table of its own. Booking ingestion changes it with
 * nearly every booking; on the wide customers row (14 indexes, three of them GIN) each such update rewrote an
 * entry in every index, and it was the most expensive part of a batch. Every customer has a row, made by a
 * statement trigger whatever inserts the customer, so the list can sort on the value with an inner join.
 * Bookings leave a tenth of each new page free: their updates (status, payment, amounts) change no indexed
 * column, so with room on the page they are HOT and write no index entries.
 */
export class CustomerValues1796700000000 implements MigrationInterface {
  name = 'CustomerValues1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "customer_values" ("customer_id" uuid NOT NULL, "lifetime_value" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_customer_values" PRIMARY KEY ("customer_id"))`);
    await queryRunner.query(`INSERT INTO "customer_values" ("customer_id", "lifetime_value") SELECT "id", "lifetime_value" FROM "customers"`);
    await queryRunner.query(`CREATE INDEX "customer_values_value_idx" ON "customer_values" ("lifetime_value", "customer_id") `);
    await queryRunner.query(`ALTER TABLE "customer_values" ADD CONSTRAINT "FK_customer_values_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION customer_values_for_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_values (customer_id) SELECT id FROM new_customers ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER customer_values_for_new AFTER INSERT ON customers REFERENCING NEW TABLE AS new_customers
      FOR EACH STATEMENT EXECUTE FUNCTION customer_values_for_new()`);
    await queryRunner.query(`DROP INDEX "public"."customers_value_idx"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "lifetime_value"`);
    await queryRunner.query(`ALTER TABLE "bookings" SET (fillfactor = 90)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookings" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "customers" ADD "lifetime_value" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`UPDATE "customers" c SET "lifetime_value" = v."lifetime_value" FROM "customer_values" v WHERE v."customer_id" = c."id" AND v."lifetime_value" <> 0`);
    await queryRunner.query(`CREATE INDEX "customers_value_idx" ON "customers" ("lifetime_value", "id") WHERE deleted_at IS NULL`);
    await queryRunner.query(`DROP TRIGGER customer_values_for_new ON customers`);
    await queryRunner.query(`DROP FUNCTION customer_values_for_new()`);
    await queryRunner.query(`DROP TABLE "customer_values"`);
  }
}
