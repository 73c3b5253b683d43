import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { Config, redactUrl } from '@crm/platform';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per message, so a receiving system can tell a repeat from a new alert. */
  messageId: string;
}

/** Sends e-mail over SMTP through nodemailer; null (see MAIL_SENDER) when SMTP_URL is unset. */
export class SmtpMailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(url: string, from: string) {
    // Short timeouts: the job runs every minute and a dead server must not hold it for nodemailer's default minutes.
    // Options in the URL's query (?connectionTimeout=…) still win.
    this.transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from });
  }

  /** Resolves when the server accepts a connection (and the credentials). */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  async send(m: MailMessage): Promise<void> {
    await this.transport.sendMail({ to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
  }

  onApplicationShutdown() {
    this.transport.close();
  }
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');

export function mailSenderFor(config: Config): SmtpMailSender | null {
  const logger = new Logger('mail');
  if (!config.smtpUrl) {
    logger.log('SMTP_URL is not set: outgoing e-mails stay in the outgoing-messages table (console: Outgoing messages)');
    return null;
  }
  logger.log({ msg: 'outgoing e-mails go through SMTP', smtp: redactUrl(config.smtpUrl), from: config.smtpFrom });
  return new SmtpMailSender(config.smtpUrl, config.smtpFrom);
}
