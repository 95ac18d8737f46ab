import { Injectable } from '@nestjs/common';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppConfig, type SmtpSettings } from '../config';

export interface OutgoingEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** The unsubscribe landing page (List-Unsubscribe header). */
  unsubscribeUrl: string;
}

/** How long the SMTP server may take before an attempt counts as failed (and is retried). */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;
/** The longest a single send may take: the lease of a claimed batch is sized from it. */
export const SEND_TIMEOUT_MS = CONNECTION_TIMEOUT_MS * 2 + SOCKET_TIMEOUT_MS;

function transportOptions(smtp: SmtpSettings): SMTPTransport.Options {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.tls === 'implicit',
    requireTLS: smtp.tls === 'starttls',
    ignoreTLS: smtp.tls === 'none',
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  };
}

/** Nodemailer over SMTP, with the settings of the configuration (none: `enabled` is false). */
@Injectable()
export class EmailTransport {
  private transporter: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.email.smtp !== null;
  }

  /** Sends one email; throws when the server refuses it or cannot be reached. */
  async send(email: OutgoingEmail): Promise<void> {
    const smtp = this.config.email.smtp;
    if (!smtp) throw new Error('no SMTP server is configured');
    // Nodemailer is loaded with the first email: an instance without SMTP never needs it.
    if (!this.transporter) {
      const { createTransport } = await import('nodemailer');
      this.transporter ??= createTransport(transportOptions(smtp));
    }
    const message: SendMailOptions = {
      from: smtp.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      list: { unsubscribe: email.unsubscribeUrl },
    };
    await this.transporter.sendMail(message);
  }

  /** Ends open connections (at shutdown). */
  close(): void {
    this.transporter?.close();
    this.transporter = null;
  }
}
