import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config, FieldError, unprocessable } from '@crm/platform';
import { AuditService, Principal, fieldChanges } from '@crm/identity';
import { TIERS } from '@crm/customers';
import { DEFAULT_WORK_CALENDAR, calendarErrors } from './business-time';
import { SEVERITIES } from './complaint-rules';
import { SlaMetricTargetsDto, SlaPolicyDto, SaveSlaPolicyDto } from './dto/sla-policy.dto';
import { DEFAULT_SLA_POLICY, SLA_METRICS, SlaMetric, SlaPolicy } from './sla-clock';
import { SlaPolicyEntity } from './sla-policy.entity';
import { SlaPolicyRepository } from './sla-policy.repository';

type Stored = Pick<SlaPolicyEntity, 'targets' | 'tierTargets' | 'businessHours' | 'calendar'>;

const NO_BUSINESS_HOURS = Object.fromEntries(SLA_METRICS.map((m) => [m, false])) as Record<SlaMetric, boolean>;
const DEFAULTS: Stored = { targets: DEFAULT_SLA_POLICY.targets, tierTargets: {}, businessHours: NO_BUSINESS_HOURS, calendar: DEFAULT_WORK_CALENDAR };

/**
 * The versioned service-level policy: targets per severity and tier, calendar or business hours per metric, and
 * the business-hours calendar. A complaint follows the version in force when it was received (the newest saved
 * at or before its received time), kept on the complaint: a change never moves running deadlines, and a
 * complaint reported late is still held to the promise made when the customer complained.
 */
@Injectable()
export class SlaPolicyService {
  /** Saved versions never change, so each is read once per process. */
  private readonly versions = new Map<number, SlaPolicy>();

  constructor(
    private readonly repo: SlaPolicyRepository,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async current(): Promise<SlaPolicyDto> {
    const saved = await this.repo.current();
    return saved ? this.toDto(saved) : this.toDto({ ...DEFAULTS, version: 0, createdBy: null, note: null, createdAt: null });
  }

  async history(): Promise<SlaPolicyDto[]> {
    return (await this.repo.history(100)).map((e) => this.toDto(e));
  }

  async save(p: Principal, dto: SaveSlaPolicyDto): Promise<SlaPolicyDto> {
    const errors = [...targetErrors(dto), ...calendarErrors(dto.calendar)];
    if (errors.length) throw unprocessable(errors);
    const values = normalized(dto);
    const before = await this.current();
    const saved = await this.repo.transaction(async (m) => {
      const entity = await this.repo.save(m, { ...values, createdBy: p.id, note: dto.note?.trim() || null });
      await this.audit.record(p, {
        action: 'sla_policy.save', entityType: 'sla_policy', entityId: null,
        details: { version: entity.version, note: entity.note }, changes: fieldChanges(sections(before), sections(values)),
      }, m);
      return entity;
    });
    return this.toDto(saved);
  }

  /** The version in force at `instant`; 0 (the built-in defaults) before any was saved. */
  async versionAt(instant: Date): Promise<number> {
    return (await this.repo.inForceAt(instant))?.version ?? 0;
  }

  /** A version as the clocks read it: its calendar in the agency's time zone. */
  async clockPolicy(version: number): Promise<SlaPolicy> {
    const cached = this.versions.get(version);
    if (cached) return cached;
    const stored = version === 0 ? DEFAULTS : await this.repo.byVersion(version);
    if (!stored) throw new Error(`SLA policy version ${version} does not exist`);
    const policy: SlaPolicy = {
      targets: stored.targets, tierTargets: stored.tierTargets, businessHours: stored.businessHours, calendar: { ...stored.calendar, timeZone: this.config.timeZone },
    };
    this.versions.set(version, policy);
    return policy;
  }

  private toDto(e: Stored & Pick<SlaPolicyEntity, 'version' | 'createdBy' | 'note'> & { createdAt: Date | null }): SlaPolicyDto {
    return {
      version: e.version, targets: e.targets, tierTargets: e.tierTargets, businessHours: { ...NO_BUSINESS_HOURS, ...e.businessHours }, calendar: e.calendar,
      timeZone: this.config.timeZone, createdBy: e.createdBy, createdAt: e.createdAt?.toISOString() ?? null, note: e.note,
    };
  }
}

/** What the shape checks cannot see: every complaint has a resolution target. */
function targetErrors(dto: SaveSlaPolicyDto): FieldError[] {
  return SEVERITIES.filter((s) => dto.targets[s].resolution == null).map((s) => ({ field: `targets.${s}.resolution`, message: 'every complaint needs a resolution target' }));
}

/** Null and absent both mean "no target"; empty tiers go; dates sorted, once each. */
function normalized(dto: SaveSlaPolicyDto): Stored {
  const minutes = (t: SlaMetricTargetsDto | undefined) => Object.fromEntries(SLA_METRICS.filter((m) => t?.[m] != null).map((m) => [m, t![m]!]));
  const nonEmpty = <T extends object>(entries: [string, T][]) => Object.fromEntries(entries.filter(([, v]) => Object.keys(v).length));
  const dates = (list: string[]) => [...new Set(list)].sort();
  return {
    targets: { ordinary: minutes(dto.targets.ordinary), major: minutes(dto.targets.major) },
    tierTargets: nonEmpty(TIERS.map((tier) => [tier, nonEmpty(SEVERITIES.map((s) => [s, minutes(dto.tierTargets?.[tier]?.[s])]))])),
    businessHours: Object.fromEntries(SLA_METRICS.map((m) => [m, dto.businessHours?.[m] ?? false])) as Record<SlaMetric, boolean>,
    calendar: {
      workingDays: [...dto.calendar.workingDays].sort(), opensAt: dto.calendar.opensAt, closesAt: dto.calendar.closesAt,
      holidays: dates(dto.calendar.holidays), extraWorkingDays: dates(dto.calendar.extraWorkingDays),
    },
  };
}

/** What an audit row compares between versions. */
const sections = ({ targets, tierTargets, businessHours, calendar }: Stored | SlaPolicyDto) => ({ targets, tierTargets, businessHours, calendar });
