import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BgNbdParams } from './bg-nbd';
import { LifecycleModelFitEntity } from './lifecycle.entity';

/** `churn-score` runs one at a time: a second run waits, then finds nothing to change. */
const CHURN_SCORE_LOCK = 'churn-score';

@Injectable()
export class LifecycleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction, under the job's lock: a run killed midway leaves every result as it was. */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [CHURN_SCORE_LOCK]);
      // The lifecycle facts sort every sales booking by customer and day: in memory rather than in temporary files.
      await m.query(`SET LOCAL work_mem = '256MB'`);
      return work(m);
    });
  }

  async saveFit(m: EntityManager, asOf: Date, params: BgNbdParams, logLikelihood: number, customers: number): Promise<void> {
    await m.query(
      `INSERT INTO lifecycle_model_fits (as_of, r, alpha, a, b, log_likelihood, customers, fitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (as_of) DO UPDATE SET r = excluded.r, alpha = excluded.alpha, a = excluded.a, b = excluded.b,
         log_likelihood = excluded.log_likelihood, customers = excluded.customers, fitted_at = excluded.fitted_at`,
      [asOf, params.r, params.alpha, params.a, params.b, logLikelihood, customers],
    );
  }

  /** The fit behind the stored predictions: the last one made. */
  currentFit(): Promise<LifecycleModelFitEntity | null> {
    return this.dataSource.getRepository(LifecycleModelFitEntity).findOne({ where: {}, order: { fittedAt: 'DESC' } });
  }
}
