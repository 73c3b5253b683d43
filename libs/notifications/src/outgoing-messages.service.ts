import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProblemException, decodeCursor, encodeCursor, notFound, unprocessable } from '@crm/platform';
import { AuditService, Principal } from '@crm/identity';
import { afterFailure, SendFailure, staleClaimsBefore } from './delivery-policy';
import { MAIL_SENDER, SmtpMailSender } from './mail-sender';
import { OutgoingMessageEntity } from './outgoing-message.entity';
import { OutgoingMessagesRepository } from './outgoing-messages.repository';
import { OutgoingMessageDto, OutgoingMessageListDto, OutgoingMessageQueryDto } from './dto/outgoing-message.dto';

const BATCH = 50;
/** A run sends at most this many, so it ends well inside its one-minute period; the rest wait for the next. */
const MAX_PER_RUN = 500;
const INTERRUPTED = 'interrupted while sending: it may have been delivered, so it is not sent again on its own';

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
  interrupted: number;
  /** Why nothing was tried, when nothing was. */
  skipped?: string;
}

@Injectable()
export class OutgoingMessagesService {
  private readonly logger = new Logger('mail');

  constructor(
    private readonly repo: OutgoingMessagesRepository,
    private readonly audit: AuditService,
    @Inject(MAIL_SENDER) private readonly mail: SmtpMailSender | null,
  ) {}

  async list(q: OutgoingMessageQueryDto): Promise<OutgoingMessageListDto> {
    const limit = q.limit ?? 50;
    const [beforeId] = q.cursor ? decodeCursor(q.cursor, 1) : [null];
    if (beforeId !== null && (typeof beforeId !== 'string' || !/^\d{1,19}$/.test(beforeId))) throw unprocessable([{ field: 'cursor', message: 'cursor is invalid' }]);
    const rows = await this.repo.list({ status: q.status, channel: q.channel }, limit, beforeId);
    const page = rows.slice(0, limit);
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
      delivery: { email: this.mail !== null, sms: false },
    };
  }

  /** An admin sends a failed message again (after checking it did not arrive): a fresh round of attempts. */
  async retry(p: Principal, id: string, now = new Date()): Promise<OutgoingMessageDto> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('The message');
    return this.repo.transaction(async (m) => {
      const msg = await this.repo.findById(id, m);
      if (!msg) throw notFound('The message');
      if (msg.status !== 'failed') throw new ProblemException(409, `Only a failed message can be sent again; this one is ${msg.status}.`);
      await this.repo.requeue(m, id, now);
      await this.audit.record(p, { action: 'outgoing_message.retry', entityType: 'outgoing_message', entityId: id, details: { channel: msg.channel, attempts: msg.attempts } }, m);
      return toDto((await this.repo.findById(id, m))!);
    });
  }

  /**
   * The send-messages job: pending e-mails through SMTP, at most once each (see delivery-policy.ts). Without
   * SMTP_URL nothing is sent and the messages wait in the table.
   */
  async dispatch(now: Date): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retrying: 0, failed: 0, interrupted: await this.repo.failStaleClaims(staleClaimsBefore(now), INTERRUPTED) };
    if (!this.mail) return { ...result, skipped: 'SMTP_URL is not set' };
    if (!(await this.repo.anyDue('email', now))) return result;
    // A server that is down is nobody's message's fault: no attempt is counted, the next run tries again.
    await this.mail.verify();
    while (result.sent + result.retrying + result.failed < MAX_PER_RUN) {
      const batch = await this.repo.claim('email', now, BATCH);
      for (const msg of batch) {
        try {
          await this.mail.send({ to: msg.recipient, subject: msg.subject ?? '', text: msg.body, messageId: `<outgoing-${msg.id}@travel-crm>` });
        } catch (e) {
          const failure = e as SendFailure;
          const next = afterFailure(msg.attempts, failure, now);
          await this.repo.markFailedAttempt(msg.id, String(failure.message ?? e).slice(0, 1000), next.status === 'pending' ? next.nextAttemptAt : null);
          result[next.status === 'pending' ? 'retrying' : 'failed']++;
          this.logger.warn({ msg: 'e-mail not sent', id: msg.id, attempts: msg.attempts, outcome: next.status, error: failure.message });
          continue;
        }
        await this.repo.markSent(msg.id, now);
        result.sent++;
      }
      if (batch.length < BATCH) break;
    }
    return result;
  }
}

function toDto(o: OutgoingMessageEntity): OutgoingMessageDto {
  return {
    id: o.id, channel: o.channel, recipient: o.recipient, userId: o.userId, subject: o.subject, body: o.body, status: o.status, sending: o.claimedAt !== null,
    attempts: o.attempts, lastError: o.lastError, nextAttemptAt: o.status === 'pending' ? o.nextAttemptAt.toISOString() : null,
    sentAt: o.sentAt?.toISOString() ?? null, sourceEventId: o.sourceEventId, createdAt: o.createdAt.toISOString(),
  };
}
