import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CONFIG, Config, unprocessable } from '@crm/platform';
import { AuditService, Principal } from '@crm/identity';
import { CustomersService } from '@crm/customers';
import { NotificationsService } from '@crm/notifications';
import { PolicyDto, PreviewResultDto, SavePolicyDto } from './dto/policy.dto';
import { TierChangeDto, TieringSummaryDto } from './dto/tiering.dto';
import { DEFAULT_SERVICE } from './service-policy';
import { DEFAULT_RULES, TierRules, windowsFor } from './tier-policy';
import { TierPolicyEntity } from './tiering.entity';
import { ApplyResult, TieringRepository } from './tiering.repository';
import { TieringRunsRepository } from './tiering-runs.repository';

@Injectable()
export class TieringService implements OnModuleInit {
  constructor(
    private readonly repo: TieringRepository,
    private readonly runs: TieringRunsRepository,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Owners hear of their customers' tier changes ("张伟 moved B → A", "李娜 flagged declining"). */
  onModuleInit(): void {
    this.notifications.notifyOn<{ customerId: string; customerName: string; ownerId: string; fromTier: string | null; toTier: string | null; fromFlags: string[]; toFlags: string[] }>('tier.changed', (p) => ({
      userId: p.ownerId,
      kind: 'tier.changed',
      params: { customerName: p.customerName, fromTier: p.fromTier, toTier: p.toTier, addedFlags: p.toFlags.filter((f) => !p.fromFlags.includes(f)) },
      entityType: 'customer',
      entityId: p.customerId,
    }));
  }

  /** The nightly job: every customer's tier as of `asOf`, under the policy in force. */
  async retier(asOf: Date, progress: (percent: number) => Promise<void>): Promise<ApplyResult & { policyVersion: number; asOf: string }> {
    const policy = await this.policy();
    await progress(5);
    const result = await this.repo.apply(policy.rules, windowsFor(policy.rules, asOf, this.config.timeZone), policy.version);
    await progress(100);
    return { ...result, policyVersion: policy.version, asOf: asOf.toISOString() };
  }

  async policy(): Promise<PolicyDto> {
    const saved = await this.repo.currentPolicy();
    return saved ? toPolicyDto(saved) : { version: 0, rules: DEFAULT_RULES, service: DEFAULT_SERVICE, createdBy: null, createdAt: null, note: null };
  }

  async policyHistory(): Promise<PolicyDto[]> {
    return (await this.repo.policyHistory(100)).map(toPolicyDto);
  }

  async savePolicy(p: Principal, dto: SavePolicyDto): Promise<PolicyDto> {
    checkRules(dto.rules);
    const before = await this.policy();
    const saved = await this.repo.transaction(async (m) => {
      const entity = await this.repo.savePolicy(m, { rules: dto.rules, service: dto.service, createdBy: p.id, note: dto.note ?? null });
      const changed = Object.keys(dto.rules).filter((k) => dto.rules[k as keyof TierRules] !== before.rules[k as keyof TierRules]);
      await this.audit.record(p, { action: 'tier_policy.save', entityType: 'tier_policy', entityId: null, details: { version: entity.version, changedRules: changed, note: dto.note ?? null } }, m);
      return entity;
    });
    return toPolicyDto(saved);
  }

  /** How many customers would move between each pair of tiers under these rules, today. Writes nothing. */
  async preview(rules: TierRules, asOf = new Date()): Promise<PreviewResultDto> {
    checkRules(rules);
    return { asOf: asOf.toISOString(), moves: await this.repo.preview(rules, windowsFor(rules, asOf, this.config.timeZone)) };
  }

  async history(p: Principal, customerId: string): Promise<TierChangeDto[]> {
    const customer = await this.customers.get(p, customerId);
    return (await this.repo.history(customer.id, 100)).map((h) => ({
      id: h.id, fromTier: h.fromTier, toTier: h.toTier, fromQuadrant: h.fromQuadrant, toQuadrant: h.toQuadrant, fromFlags: h.fromFlags, toFlags: h.toFlags,
      sales: Number(h.sales), policyVersion: h.policyVersion, asOf: h.asOf.toISOString(), at: h.at.toISOString(),
    }));
  }

  async summary(): Promise<TieringSummaryDto> {
    const [runs, counts] = await Promise.all([this.runs.recent(10), this.repo.counts()]);
    const last = runs.find((r) => r.state === 'completed')?.result as ApplyResult | undefined;
    const sum = (rows: typeof counts, key: (r: (typeof counts)[number]) => string | null) => {
      const totals = new Map<string, number>();
      for (const r of rows) if (key(r)) totals.set(key(r)!, (totals.get(key(r)!) ?? 0) + r.customers);
      return [...totals].map(([k, customers]) => ({ key: k, customers }));
    };
    return {
      tiers: (last?.tiers ?? []).map((t) => ({ tier: t.tier, customers: t.customers, sales: Number(t.sales) })),
      pareto: (last?.pareto ?? []).map((p) => ({ percentile: p.percentile, cumulativeSharePercent: p.cumulative_share_percent })),
      quadrants: sum(counts.filter((c) => !c.flag), (c) => c.quadrant),
      flags: sum(counts, (c) => c.flag),
      runs: runs.map((r) => ({
        id: r.id, state: r.state, asOf: r.asOf.toISOString(), startedAt: r.startedAt?.toISOString() ?? null, finishedAt: r.finishedAt?.toISOString() ?? null,
        changed: (r.result as ApplyResult | null)?.changed ?? null, error: r.error,
      })),
    };
  }
}

/** Rules that class-validator cannot check alone. */
function checkRules(r: TierRules) {
  if (r.bSharePercent <= r.aSharePercent) throw unprocessable([{ field: 'rules.bSharePercent', message: 'the B line must be above the A line' }]);
  if (r.loyaltyRecentMonths > r.loyaltyWindowMonths) throw unprocessable([{ field: 'rules.loyaltyRecentMonths', message: 'must not exceed loyaltyWindowMonths' }]);
}

function toPolicyDto(e: TierPolicyEntity): PolicyDto {
  return { version: e.version, rules: { ...DEFAULT_RULES, ...e.rules }, service: { ...DEFAULT_SERVICE, ...e.service }, createdBy: e.createdBy, createdAt: e.createdAt.toISOString(), note: e.note };
}
