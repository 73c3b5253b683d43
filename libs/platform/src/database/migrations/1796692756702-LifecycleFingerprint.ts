import { MigrationInterface, QueryRunner } from 'typeorm';

/** A hash of what the churn-score job last wrote per customer, so a run rewrites only the customers whose results moved. */
export class LifecycleFingerprint1796692756702 implements MigrationInterface {
  name = 'LifecycleFingerprint1796692756702';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" ADD "fingerprint" bytea`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_lifecycle" DROP COLUMN "fingerprint"`);
  }
}
