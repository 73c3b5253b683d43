import { Injectable } from '@nestjs/common';
import { ProblemException, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal, fieldChanges, isUuid } from '@crm/identity';
import { CampaignEntity } from './campaign.entity';
import { CONVERSION_DAYS, campaignFigures } from './campaign-figures';
import { CampaignValues, CampaignsRepository } from './campaigns.repository';
import { quietHoursErrors } from './quiet-hours';
import { CampaignDto, CampaignResultsDto, CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';

const FIELDS = ['name', 'discountPercent', 'holdoutPercent', 'channels', 'quietStart', 'quietEnd', 'active'] as const;
const NAME_TAKEN = unprocessable([{ field: 'name', message: 'a campaign with this name exists' }]);
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

/** Campaign settings, for admins and managers (the controller's rule); every write audited. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CampaignDto[]> {
    return (await this.repo.list()).map(toCampaignDto);
  }

  async get(id: string): Promise<CampaignDto> {
    return toCampaignDto(await this.find(id));
  }

  /** Sent, converted, conversion rate and revenue of the treated against the control group, and the lift. */
  async results(id: string, asOf = new Date()): Promise<CampaignResultsDto> {
    const campaign = await this.find(id);
    const { counts, revenue } = await this.repo.results(id, asOf, CONVERSION_DAYS);
    return { campaign: toCampaignDto(campaign), asOf: asOf.toISOString(), conversionDays: CONVERSION_DAYS, ...campaignFigures(counts, revenue) };
  }

  async create(p: Principal, dto: CreateCampaignDto): Promise<CampaignDto> {
    const values: CampaignValues = {
      name: dto.name, discountPercent: dto.discountPercent, holdoutPercent: dto.holdoutPercent, channels: dto.channels,
      quietStart: dto.quietStart ?? null, quietEnd: dto.quietEnd ?? null, active: dto.active ?? true,
    };
    await this.check(values, null);
    const id = await this.repo
      .transaction(async (m) => {
        const campaignId = await this.repo.insert(m, values);
        await this.audit.record(p, { action: 'campaign.create', entityType: 'campaign', entityId: campaignId, changes: fieldChanges(null, values) }, m);
        return campaignId;
      })
      .catch((e) => Promise.reject(isUniqueViolation(e) ? NAME_TAKEN : e));
    return this.get(id);
  }

  async update(p: Principal, id: string, dto: UpdateCampaignDto): Promise<CampaignDto> {
    const current = await this.find(id);
    const before = pick(current);
    const after: CampaignValues = { ...before };
    for (const f of FIELDS) if (dto[f] !== undefined) (after as Record<string, unknown>)[f] = dto[f];
    await this.check(after, id);
    const changes = fieldChanges(before, after);
    if (!Object.keys(changes).length) return toCampaignDto(current);
    await this.repo
      .transaction(async (m) => {
        await this.repo.update(m, id, Object.fromEntries(Object.keys(changes).map((f) => [f, after[f as keyof CampaignValues]])));
        await this.audit.record(p, { action: 'campaign.update', entityType: 'campaign', entityId: id, changes }, m);
      })
      .catch((e) => Promise.reject(isUniqueViolation(e) ? NAME_TAKEN : e));
    return this.get(id);
  }

  /** Only a campaign that has picked nobody: one with recipients is deactivated instead, so its lift stays measurable. */
  async remove(p: Principal, id: string): Promise<void> {
    const current = await this.find(id);
    const inUse = new ProblemException(409, 'The campaign has picked customers; deactivate it instead, so its figures stay.');
    await this.repo
      .transaction(async (m) => {
        if (await this.repo.hasRecipients(m, id)) throw inUse;
        await this.repo.delete(m, id);
        await this.audit.record(p, { action: 'campaign.delete', entityType: 'campaign', entityId: id, changes: fieldChanges(pick(current), null) }, m);
      })
      // A job run that picked someone between the check and the delete: the foreign key refuses.
      .catch((e) => Promise.reject((e as { code?: string }).code === '23503' ? inUse : e));
  }

  /** The record, or 404 (also for a malformed id). */
  async find(id: string): Promise<CampaignEntity> {
    const campaign = isUuid(id) ? await this.repo.findById(id) : null;
    if (!campaign) throw notFound('The campaign');
    return campaign;
  }

  private async check(v: CampaignValues, id: string | null): Promise<void> {
    const errors = quietHoursErrors(v.quietStart, v.quietEnd);
    if (errors.length) throw unprocessable(errors);
    if (await this.repo.nameTaken(v.name, id)) throw NAME_TAKEN;
  }
}

const pick = (c: CampaignEntity): CampaignValues => ({
  name: c.name, discountPercent: c.discountPercent, holdoutPercent: c.holdoutPercent, channels: c.channels, quietStart: c.quietStart, quietEnd: c.quietEnd, active: c.active,
});

export function toCampaignDto(c: CampaignEntity): CampaignDto {
  return { id: c.id, ...pick(c), createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}
