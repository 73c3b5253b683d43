import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * customer_lifecycle's health and prediction as typed columns, the health reasons as json (kept as written: no
 * jsonb parse of every figure when the churn-score job rewrites a million rows), and room on each page (fillfactor)
 * for a night's new row versions beside the old, so the job's updates stay on their page without new index entries
 * (HOT). The fingerprints are cleared: the first run after this rewrites every row once, in the new form.
 */
export class LifecycleTypedColumns1796702839515 implements MigrationInterface {
  name = 'LifecycleTypedColumns1796702839515';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" ADD "health_score" smallint, ADD "health_band" character varying(10), ADD "health_policy_version" integer, ADD "health_reasons" json,
      ADD "p_alive" double precision, ADD "expected_trips_52w" double precision, ADD "next_trip_from" date, ADD "next_trip_to" date, ADD "next_trip_basis" character varying(10)`);
    await queryRunner.query(`UPDATE "customer_lifecycle" SET
      "health_score" = ("health"->>'score')::smallint, "health_band" = "health"->>'band', "health_policy_version" = ("health"->>'policyVersion')::integer,
      "health_reasons" = ("health"->'reasons')::json, "p_alive" = ("prediction"->>'pAlive')::double precision,
      "expected_trips_52w" = ("prediction"->>'expectedTrips52w')::double precision, "next_trip_from" = ("prediction"->'nextTripWindow'->>'from')::date,
      "next_trip_to" = ("prediction"->'nextTripWindow'->>'to')::date, "next_trip_basis" = "prediction"->'nextTripWindow'->>'basis', "fingerprint" = NULL`);
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" DROP COLUMN "health", DROP COLUMN "prediction"`);
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" SET (fillfactor = 50)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" ADD "health" jsonb, ADD "prediction" jsonb`);
    await queryRunner.query(`UPDATE "customer_lifecycle" SET
      "health" = CASE WHEN "health_score" IS NOT NULL THEN jsonb_build_object('score', "health_score", 'band', "health_band", 'policyVersion', "health_policy_version", 'reasons', "health_reasons"::jsonb) END,
      "prediction" = CASE WHEN "p_alive" IS NOT NULL THEN jsonb_build_object('pAlive', "p_alive", 'expectedTrips52w', "expected_trips_52w", 'nextTripWindow',
        CASE WHEN "next_trip_basis" IS NOT NULL THEN jsonb_build_object('from', "next_trip_from", 'to', "next_trip_to", 'basis', "next_trip_basis") END) END,
      "fingerprint" = NULL`);
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" DROP COLUMN "health_score", DROP COLUMN "health_band", DROP COLUMN "health_policy_version", DROP COLUMN "health_reasons",
      DROP COLUMN "p_alive", DROP COLUMN "expected_trips_52w", DROP COLUMN "next_trip_from", DROP COLUMN "next_trip_to", DROP COLUMN "next_trip_basis"`);
  }
}
