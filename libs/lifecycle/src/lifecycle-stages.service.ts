import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, Principal, isUuid } from '@crm/identity';
import { CustomersService, ownerRestriction } from '@crm/customers';
import { ComplaintsService } from '@crm/complaints';
import { TieringService, type ServicePolicy } from '@crm/tiering';
import { NpsService } from '@crm/touchpoints';
import { ProblemException, decodeCursor, encodeCursor } from '@crm/platform';
import { AtRiskListDto, FunnelDto, HealthHistoryDto, HealthPolicyDto, SaveHealthPolicyDto, StageHistoryDto } from './dto/lifecycle-stages.dto';
import { DEFAULT_HEALTH_POLICY, HEALTH_COMPONENTS, HealthFacts, HealthPolicy, healthScore } from './health-score';
import { STAGES, lifecycleStage } from './lifecycle-stage';
import { FactsRow, LifecycleStagesRepository, ScoredCustomer } from './lifecycle-stages.repository';

/** Customers scored per round trip: big enough to be set work, small enough to keep memory flat at a million. */
const BATCH = 20_000;
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
export function healthFactsOf(r: FactsRow, answers: { satisfied: boolean }[], typicalGapDays: number | null, npsScore: number | null): HealthFacts {
  return {
    pAlive: r.p_alive,
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

  /**
   * Every live customer's health score and stage as of `asOf`, inside the churn-score transaction after the
   * predictions are stored: facts set-based in SQL, the pure functions per batch, one write per batch.
   */
  async scoreAll(m: EntityManager, asOf: Date, timeZone: string): Promise<StagesResult> {
    const [policy, tiering] = await Promise.all([this.policy(), this.tiering.policy()]);
    const customers = await this.repo.buildFacts(m, asOf, timeZone, expectedContacts(tiering.service));
    const typicalGapDays = await this.repo.typicalGapDays(m);
    const totals = { changed: 0, stageChanges: 0, plays: 0, playsEnded: 0 };
    for (let after: string | null = null; ; ) {
      const rows = await this.repo.factsBatch(m, after, BATCH);
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const stored = await this.repo.store(m, asOf, timeZone, policy.version, await this.scoreBatch(rows, asOf, policy, typicalGapDays));
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += stored[k];
    }
    return { customers, ...totals, policyVersion: policy.version };
  }

  /** A batch through the pure functions, with the follow-up answers and NPS answers their owners' services give. */
  private async scoreBatch(rows: FactsRow[], asOf: Date, policy: HealthPolicy, typicalGapDays: number | null): Promise<ScoredCustomer[]> {
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
    return rows.map((r) => {
      const health = healthScore(healthFactsOf(r, answers.get(r.id) ?? [], typicalGapDays, nps.get(r.id) ?? null), policy);
      const stage = lifecycleStage({
        purchases: r.purchases, daysSinceLastPurchase: r.days_since_last, lastGapDays: r.last_gap_days,
        pAlive: r.p_alive, healthBand: health?.band ?? null, loyal: r.loyal === true,
      });
      return { id: r.id, health, stage };
    });
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
