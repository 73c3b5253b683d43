import { hash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, Principal, isUuid } from '@crm/identity';
import { CustomersService, ownerRestriction } from '@crm/customers';
import { ComplaintsService } from '@crm/complaints';
import { TieringService, type ServicePolicy } from '@crm/tiering';
import { NpsService } from '@crm/touchpoints';
import { ProblemException, agencyDate, decodeCursor, encodeCursor } from '@crm/platform';
import { AtRiskListDto, FunnelDto, HealthHistoryDto, HealthPolicyDto, SaveHealthPolicyDto, StageHistoryDto } from './dto/lifecycle-stages.dto';
import type { DayGroup, GroupPrediction } from './churn-score';
import { DEFAULT_HEALTH_POLICY, HEALTH_COMPONENTS, HealthFacts, HealthPolicy, healthScore } from './health-score';
import { STAGES, lifecycleStage } from './lifecycle-stage';
import { nextTripWindowOfDays } from './next-trip';
import { dayNumber } from './purchase-history';
import { FactsRow, LifecycleStagesRepository, ScoredCustomer, StoreResult, storedFields } from './lifecycle-stages.repository';

/**
 * Customers read and scored per round trip: big enough to be set work, small enough to keep memory flat and to
 * leave little unoverlapped (the first batch's scoring and the last one's store).
 */
const BATCH = 10_000;
/** Customers scored between turns of the event loop. */
const YIELD_EVERY = 1_000;
const NOTHING_STORED: StoreResult = { predictions: 0, changed: 0, stageChanges: 0, plays: 0, playsEnded: 0 };
const INTERACTION_WINDOW_DAYS = 90;
const COMPLAINT_WINDOW_MONTHS = 24;
const NPS_WINDOW_MONTHS = 12;

export interface StagesResult {
  customers: number;
  /** Customers whose health or stage changed, and the stage moves recorded. */
  changed: number;
  stageChanges: number;
  /** Plays started for A and B customers turning red, and open ones ended by leaving red. */
  plays: number;
  playsEnded: number;
  policyVersion: number;
}

/** Contacts each tier's cadence asks for in 90 days: visits or proactive contact, whichever is more often; none without a cadence. */
export function expectedContacts(service: ServicePolicy, days = INTERACTION_WINDOW_DAYS): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [tier, s] of Object.entries(service)) {
    const every = [s.visitEveryDays, s.contactEveryDays].filter((d): d is number => d !== null && d > 0);
    if (every.length) out[tier] = days / Math.min(...every);
  }
  return out;
}

/**
 * The health score's facts from a row of the facts table, the customer's follow-up answers in the window and
 * their latest NPS answer in its window (null without one).
 */
export function healthFactsOf(
  r: FactsRow, pAlive: number | null, answers: { satisfied: boolean }[], typicalGapDays: number | null, npsScore: number | null,
): HealthFacts {
  return {
    pAlive,
    typicalGapDays,
    purchases: r.purchases,
    daysSinceLastPurchase: r.days_since_last,
    purchaseSpanDays: r.span_days,
    trend: { tripsLast12m: r.trips_last, tripsPrior12m: r.trips_prior, valueLast12m: Number(r.value_last), valuePrior12m: Number(r.value_prior) },
    interactions: { last90d: r.interactions, expected: r.expected },
    complaints: {
      total: r.c_total, open: r.c_open, breached: r.c_breached, severe: r.c_severe, recent: r.c_recent,
      unsatisfied: answers.filter((a) => !a.satisfied).length,
      satisfied: answers.filter((a) => a.satisfied).length,
    },
    nps: npsScore === null ? null : { answers: 1, average: npsScore },
  };
}

@Injectable()
export class LifecycleStagesService {
  constructor(
    private readonly repo: LifecycleStagesRepository,
    private readonly customers: CustomersService,
    private readonly complaints: ComplaintsService,
    private readonly tiering: TieringService,
    private readonly nps: NpsService,
    private readonly audit: AuditService,
  ) {}

  /** Builds the run's facts of every live customer (see LifecycleStagesRepository.buildFacts) and returns the buyers' histories, grouped. */
  async facts(m: EntityManager, asOf: Date, timeZone: string): Promise<DayGroup[]> {
    const tiering = await this.tiering.policy();
    await this.repo.buildFacts(m, asOf, timeZone, expectedContacts(tiering.service));
    return this.repo.histories(m);
  }

  /**
   * Every live customer's prediction (the model's figures for their history, and the next-trip window), health
   * score and stage as of `asOf`, inside the churn-score transaction after the facts and the fit: the pure
   * functions per batch, a write per batch of only the customers whose results' fingerprint moved.
   */
  async scoreAll(m: EntityManager, asOf: Date, timeZone: string, predictions: readonly GroupPrediction[]): Promise<{ predictions: number; stages: StagesResult }> {
    const policy = await this.policy();
    const typicalGapDays = await this.repo.typicalGapDays(m);
    const today = dayNumber(agencyDate(asOf, timeZone));
    const byHistory = new Map(predictions.map((g) => [historyKey(g.x, g.txDays, g.tDays), g]));
    const totals = { predictions: 0, changed: 0, stageChanges: 0, plays: 0, playsEnded: 0 };
    const add = (stored: StoreResult) => {
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += stored[k];
    };
    const store = (moved: ScoredCustomer[]) => (moved.length ? this.repo.store(m, asOf, timeZone, policy.version, moved) : Promise.resolve(NOTHING_STORED));
    const batches = this.repo.facts(m, BATCH);
    let customers = 0;
    let moved: ScoredCustomer[] = [];
    for (let batch = await batches.next(); !batch.done; ) {
      const rows = batch.value;
      customers += rows.length;
      // While this batch is scored, the database stores the moved customers of the one before, then fetches the
      // next: both cores at work, and still one statement at a time on the transaction's connection.
      [batch, moved] = await both(
        store(moved).then((stored) => (add(stored), batches.next())),
        this.scoreBatch(rows, asOf, today, policy, typicalGapDays, byHistory),
      );
    }
    add(await store(moved));
    const { predictions: changed, ...stages } = totals;
    return { predictions: changed, stages: { customers, ...stages, policyVersion: policy.version } };
  }

  /**
   * A batch through the pure functions, with the follow-up answers and NPS answers their owners' services give;
   * returns the customers whose results' fingerprint moved.
   */
  private async scoreBatch(
    rows: FactsRow[], asOf: Date, today: number, policy: HealthPolicy, typicalGapDays: number | null, byHistory: Map<string, GroupPrediction>,
  ): Promise<ScoredCustomer[]> {
    const complaintsSince = monthsBefore(asOf, COMPLAINT_WINDOW_MONTHS);
    const npsSince = monthsBefore(asOf, NPS_WINDOW_MONTHS);
    const complained = rows.filter((r) => r.c_total > 0 || r.c_open > 0).map((r) => r.id);
    const answers = new Map<string, { satisfied: boolean }[]>();
    for (const a of complained.length ? await this.complaints.followUpAnswers(complained) : []) {
      if (a.answeredAt > asOf || a.answeredAt <= complaintsSince) continue;
      answers.set(a.customerId, [...(answers.get(a.customerId) ?? []), a]);
    }
    const buyers = rows.filter((r) => r.purchases > 0).map((r) => r.id);
    const nps = new Map((await this.nps.latestScores(buyers, asOf)).filter((a) => a.answeredAt > npsSince).map((a) => [a.customerId, a.score]));
    const moved: ScoredCustomer[] = [];
    for (let i = 0; i < rows.length; i++) {
      // Turns of the event loop: the store running meanwhile gets its batch sent, and BullMQ renews its locks.
      if (i % YIELD_EVERY === 0) await setImmediate();
      const r = rows[i];
      const g = r.purchases > 0 ? byHistory.get(historyKey(r.purchases - 1, r.span_days!, r.t_days!)) : undefined;
      const prediction = g && {
        pAlive: g.pAlive,
        expectedTrips52w: g.expectedTrips52w,
        nextTripWindow: nextTripWindowOfDays(today, r.booked_from === null ? null : { from: r.booked_from, to: r.booked_to! }, r.past ?? [], g.window),
      };
      const pAlive = g?.pAlive ?? null;
      const health = healthScore(healthFactsOf(r, pAlive, answers.get(r.id) ?? [], typicalGapDays, nps.get(r.id) ?? null), policy);
      const stage = lifecycleStage({
        purchases: r.purchases, daysSinceLastPurchase: r.days_since_last, lastGapDays: r.last_gap_days,
        pAlive, healthBand: health?.band ?? null, loyal: r.loyal === true,
      });
      const fields = storedFields(prediction ?? null, health, stage);
      const fingerprint = hash('md5', fields);
      if (fingerprint !== r.fingerprint) moved.push({ id: r.id, fingerprint, fields });
    }
    return moved;
  }

  async atRisk(p: Principal, q: { limit?: number; cursor?: string }): Promise<AtRiskListDto> {
    const limit = q.limit ?? 50;
    const after = q.cursor ? atRiskCursor(q.cursor) : null;
    const rows = await this.repo.atRisk(ownerRestriction(p), after, limit + 1);
    const page = rows.slice(0, limit);
    const byId = new Map((await this.customers.getMany(p, page.map((r) => r.id))).map((c) => [c.id, c]));
    return {
      items: page.filter((r) => byId.has(r.id)).map((r) => ({ ...byId.get(r.id)!, valueAtRisk: Number(r.priority) })),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].priority, page[page.length - 1].id]) : null,
    };
  }

  async funnel(p: Principal): Promise<FunnelDto> {
    const counts = new Map((await this.repo.funnel(ownerRestriction(p))).map((r) => [r.stage, r.customers]));
    return { stages: STAGES.map((stage) => ({ stage, customers: counts.get(stage) ?? 0 })), unscored: counts.get(null) ?? 0 };
  }

  async stageHistory(p: Principal, customerId: string): Promise<StageHistoryDto> {
    const id = await this.customers.visibleId(p, customerId);
    return { items: (await this.repo.stageHistory(id)).map((h) => ({ from: h.from, to: h.to, asOf: h.asOf.toISOString() })) };
  }

  async healthHistory(p: Principal, customerId: string): Promise<HealthHistoryDto> {
    const id = await this.customers.visibleId(p, customerId);
    return { items: (await this.repo.healthHistory(id)).map((h) => ({ ...h, asOf: h.asOf.toISOString() })) };
  }

  async policy(): Promise<HealthPolicy> {
    return (await this.repo.currentPolicy()) ?? DEFAULT_HEALTH_POLICY;
  }

  async policyDto(): Promise<HealthPolicyDto> {
    const saved = await this.repo.currentPolicyEntity();
    if (!saved) return { ...DEFAULT_HEALTH_POLICY, createdBy: null, createdAt: null, note: null };
    return {
      version: saved.version, weights: saved.weights, bands: saved.bands, defaultGapDays: saved.defaultGapDays,
      createdBy: saved.createdBy, createdAt: saved.createdAt.toISOString(), note: saved.note,
    };
  }

  /** A new version of the weights and bands; the next churn-score run scores with it. */
  async savePolicy(p: Principal, dto: SaveHealthPolicyDto): Promise<HealthPolicyDto> {
    const errors = [];
    if (dto.bands.yellow >= dto.bands.green) errors.push({ field: 'bands.yellow', message: 'yellow must be below green' });
    if (!HEALTH_COMPONENTS.some((c) => dto.weights[c] > 0)) errors.push({ field: 'weights', message: 'at least one weight must be above 0' });
    if (errors.length) throw new ProblemException(422, 'The health policy is not valid.', errors);
    await this.repo.transaction(async (m) => {
      const version = await this.repo.savePolicy(m, {
        weights: Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, dto.weights[c]])) as HealthPolicy['weights'],
        bands: { green: dto.bands.green, yellow: dto.bands.yellow },
        defaultGapDays: dto.defaultGapDays,
        createdBy: p.kind === 'user' ? p.id : null,
        note: dto.note ?? null,
      });
      await this.audit.record(p, { action: 'health_policy.save', entityType: 'health_policy', entityId: null, details: { version, note: dto.note ?? null } }, m);
    });
    return this.policyDto();
  }
}

const historyKey = (x: number, txDays: number, tDays: number) => `${x}/${txDays}/${tDays}`;

/** Both results once both have settled, else the first failure: no statement may outlive the transaction on its connection. */
async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

function monthsBefore(d: Date, months: number): Date {
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() - months);
  return out;
}

/** A cursor this list gave out: the last row's priority (a bigint as text) and id. */
function atRiskCursor(cursor: string): [string, string] {
  const [priority, id] = decodeCursor(cursor, 2);
  if (typeof priority === 'string' && /^-?\d{1,19}$/.test(priority) && typeof id === 'string' && isUuid(id)) return [priority, id];
  throw new ProblemException(422, 'The cursor is not one this list gave out.', [{ field: 'cursor', message: 'cursor is invalid' }]);
}
