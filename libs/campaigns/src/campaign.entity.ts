import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';

/** The channels a campaign can write to: those the outgoing-messages table has senders for. */
export const CAMPAIGN_CHANNELS = ['email', 'sms'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];
export const RECIPIENT_GROUPS = ['treated', 'control'] as const;
export type RecipientGroup = (typeof RECIPIENT_GROUPS)[number];
export const MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** A reactivation campaign's settings; the reactivate-sleeping job writes to every active one. */
@Entity('campaigns')
@Index('campaigns_name_key', ['name'], { unique: true })
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Off the offered trip, in whole percent. */
  @Column({ name: 'discount_percent', type: 'smallint' })
  discountPercent: number;

  /** The share of eligible customers held out as the control group (no message), in whole percent. */
  @Column({ name: 'holdout_percent', type: 'smallint' })
  holdoutPercent: number;

  /** Channels in order of preference: the first one the customer consents to (and has an address for) is used. */
  @Column({ type: 'text', array: true })
  channels: CampaignChannel[];

  /** Agency wall-clock 'HH:MM'; both null: no quiet hours. A window may wrap midnight (21:00–09:00). */
  @Column({ name: 'quiet_start', type: 'varchar', length: 5, nullable: true })
  quietStart: string | null;

  @Column({ name: 'quiet_end', type: 'varchar', length: 5, nullable: true })
  quietEnd: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * One customer picked by a campaign: treated (with the message written to outgoing_messages) or held out as
 * control. The primary key is the "exactly once per customer per campaign" guarantee, whatever runs the job.
 */
@Entity('campaign_recipients')
@Index('campaign_recipients_customer_idx', ['customerId'])
@Index('campaign_recipients_message_key', ['outgoingMessageId'], { unique: true })
@Check('campaign_recipients_message_check', `("group" = 'treated') = (outgoing_message_id IS NOT NULL)`)
export class CampaignRecipientEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  /** A campaign that has picked anyone is kept (deactivated, not deleted): its figures stay measurable. */
  @ManyToOne(() => CampaignEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<CampaignEntity>;

  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 10 })
  group: RecipientGroup;

  /** The channel used (treated) or that would have been (control). */
  @Column({ type: 'varchar', length: 10 })
  channel: CampaignChannel;

  @Column({ type: 'varchar', length: 5 })
  language: MessageLanguage;

  /** The offered destination, if one was found. */
  @Column({ name: 'offer_destination', type: 'varchar', length: 100, nullable: true })
  offerDestination: string | null;

  /** When the message goes (or would have gone) out: the run's time moved past quiet hours. Conversions count from here. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'outgoing_message_id', type: 'bigint', nullable: true })
  outgoingMessageId: string | null;

  /** The job run's asOf. */
  @Column({ name: 'picked_at', type: 'timestamptz' })
  pickedAt: Date;
}
