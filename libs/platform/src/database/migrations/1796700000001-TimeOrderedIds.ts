import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings and their status changes get time-ordered ids (UUID version 7: a millisecond timestamp, then random
 * bits). With random version-4 ids every new booking went into a random leaf of the primary key, the status
 * history's keys and the audit log's entity index, each one a page read and later written back on a table of
 * millions; in time order they go to the right edge, which stays in memory. Existing ids stay as they are.
 */
export class TimeOrderedIds1796700000001 implements MigrationInterface {
  name = 'TimeOrderedIds1796700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // RFC 9562 UUIDv7 from a random UUID: the first 48 bits become the Unix time in milliseconds, the version nibble 0100 becomes 0111.
    await queryRunner.query(`CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
      SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
    $$`);
    await queryRunner.query(`ALTER TABLE "bookings" ALTER COLUMN "id" SET DEFAULT uuid_v7()`);
    await queryRunner.query(`ALTER TABLE "booking_status_changes" ALTER COLUMN "id" SET DEFAULT uuid_v7()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking_status_changes" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "bookings" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`DROP FUNCTION uuid_v7()`);
  }
}
