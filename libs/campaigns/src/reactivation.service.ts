import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@crm/customers';
import { CONFIG, Config, agencyDate, monthsBefore } from '@crm/platform';
import { CampaignEntity } from './campaign.entity';
import { CampaignsRepository } from './campaigns.repository';
import { nextAllowedTime } from './quiet-hours';
import { composeReactivation, customerLanguage, OfferCandidate } from './reactivation-message';
import { Pick, ReactivationRepository, SleepingCustomer } from './reactivation.repository';
import { chooseChannel, inControlGroup } from './targeting';

/** "Sleeping": no trip for this many months. */
export const SLEEPING_MONTHS = 12;
const PAGE = 1000;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export interface ReactivationResult {
  campaigns: number;
  treated: number;
  control: number;
}

/**
 * The reactivate-sleeping job: every active campaign picks the sleeping customers it may reach and has not
 * picked yet, holds out its control share, and writes one message for each of the rest to the outgoing
 * messages, due at the run's time or, in quiet hours, when they end.
 */
@Injectable()
export class ReactivationService implements OnModuleInit {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly repo: ReactivationRepository,
    private readonly merges: CustomerMergeRegistry,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Picks follow a merged customer to the survivor, so the survivor is not picked (and messaged) again. */
  onModuleInit(): void {
    this.merges.register(async (m, mergedId, survivorId) => ({ campaignRecipients: await this.repo.moveToCustomer(m, mergedId, survivorId) }));
  }

  async run(asOf: Date, progress: (percent: number) => Promise<void> = async () => undefined): Promise<ReactivationResult> {
    const active = await this.campaigns.listActive();
    const result: ReactivationResult = { campaigns: active.length, treated: 0, control: 0 };
    if (!active.length) return result;
    const catalogue = await this.repo.catalogue(asOf);
    for (const [i, campaign] of active.entries()) {
      const picked = await this.runCampaign(campaign, catalogue, asOf);
      result.treated += picked.treated;
      result.control += picked.control;
      await progress(((i + 1) / active.length) * 100);
    }
    return result;
  }

  private async runCampaign(campaign: CampaignEntity, catalogue: OfferCandidate[], asOf: Date): Promise<{ treated: number; control: number }> {
    const tz = this.config.timeZone;
    const cutoff = monthsBefore(asOf, SLEEPING_MONTHS, tz);
    const quiet = campaign.quietStart && campaign.quietEnd ? { start: campaign.quietStart, end: campaign.quietEnd } : null;
    const dueAt = nextAllowedTime(asOf, quiet, tz);
    const today = agencyDate(asOf, tz);
    const totals = { treated: 0, control: 0 };
    for (let afterId = FIRST_ID; ; ) {
      const page = await this.repo.sleepingPage({
        campaignId: campaign.id, channels: campaign.channels, asOf, timeZone: tz, cutoff, cutoffDate: agencyDate(cutoff, tz), afterId, limit: PAGE,
      });
      const picks = page.map((c) => pickFor(campaign, c, catalogue, today)).filter((p): p is Pick => p !== null);
      const written = await this.repo.insertPicks(campaign.id, picks, dueAt, asOf);
      totals.treated += written.treated;
      totals.control += written.control;
      if (page.length < PAGE) return totals;
      afterId = page[page.length - 1].id;
    }
  }
}

/** The customer's group, channel and (treated) message; null if the campaign cannot reach them after all. */
function pickFor(campaign: CampaignEntity, c: SleepingCustomer, catalogue: OfferCandidate[], today: string): Pick | null {
  const reach = chooseChannel(campaign.channels, { ...c, doNotContact: false });
  if (!reach) return null;
  const language = customerLanguage(c.name, c.phone);
  const message = composeReactivation({
    language, customerName: c.name, today, lastTrip: { destination: c.destination, departureDate: c.departureDate, returnDate: c.returnDate },
    favouriteCategories: c.favouriteCategories, visited: c.visited, catalogue, discountPercent: campaign.discountPercent,
  });
  const control = inControlGroup(campaign.id, c.id, campaign.holdoutPercent);
  return {
    customerId: c.id, group: control ? 'control' : 'treated', channel: reach.channel, language, offerDestination: message.offer?.destination ?? null,
    recipient: control ? null : reach.recipient,
    subject: control || reach.channel === 'sms' ? null : message.subject,
    body: control ? null : message.body,
  };
}
