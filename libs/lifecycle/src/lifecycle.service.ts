import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config, ProblemException } from '@crm/platform';
import { BgNbdParams } from './bg-nbd';
import { LifecycleModelDto } from './dto/model.dto';
import { LifecycleRepository } from './lifecycle.repository';
import { predictGroupsOffThread } from './predict-groups-thread';
import { LifecycleStagesService, StagesResult } from './lifecycle-stages.service';

export interface ChurnScoreResult {
  asOf: string;
  /** Customers with a sale by asOf, and their distinct histories. */
  customers: number;
  groups: number;
  /** Null when nobody has bought yet: there is nothing to fit. */
  fit: (BgNbdParams & { logLikelihood: number }) | null;
  /** Customers whose stored prediction changed. */
  changed: number;
  /** The health scores and stages computed after the predictions. */
  stages: StagesResult;
}

@Injectable()
export class LifecycleService {
  constructor(
    private readonly repo: LifecycleRepository,
    private readonly stages: LifecycleStagesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * The nightly job: every live customer's facts in one pass over the bookings, BG/NBD refitted on their sales
   * as of `asOf`, then each one's prediction, health score and stage, stored where they changed. One
   * transaction: a run killed midway changes nothing.
   */
  churnScore(asOf: Date, progress: (percent: number) => Promise<void>): Promise<ChurnScoreResult> {
    const tz = this.config.timeZone;
    return this.repo.transaction(async (m) => {
      const groups = await this.stages.facts(m, asOf, tz);
      await progress(30);
      const customers = groups.reduce((s, g) => s + g.count, 0);
      const model = customers > 0 ? await predictGroupsOffThread(groups) : null;
      if (model) await this.repo.saveFit(m, asOf, model.fit.params, model.fit.logLikelihood, customers);
      await progress(60);
      const scored = await this.stages.scoreAll(m, asOf, tz, model?.predictions ?? []);
      await progress(100);
      return {
        asOf: asOf.toISOString(),
        customers,
        groups: groups.length,
        fit: model && { ...model.fit.params, logLikelihood: model.fit.logLikelihood },
        changed: scored.predictions,
        stages: scored.stages,
      };
    });
  }

  async model(): Promise<LifecycleModelDto> {
    const fit = await this.repo.currentFit();
    if (!fit) throw new ProblemException(404, 'No model has been fitted yet: the churn-score job has not run.');
    return {
      r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b, logLikelihood: fit.logLikelihood, customers: fit.customers,
      timeUnit: 'week', asOf: fit.asOf.toISOString(), fittedAt: fit.fittedAt.toISOString(),
    };
  }
}
