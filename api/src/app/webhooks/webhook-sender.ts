import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WEBHOOK_HEADERS, type WebhookFormat } from '@waypoint/contracts';
import { AppConfig } from '../config';
import { webhookBody, type WebhookPayload } from './webhook-payloads';

/** An attempt answers within this long, or counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;
/** The part of an answer's body kept to explain a failure. */
const ERROR_BODY_CHARS = 200;

/** A new secret for a webhook: 32 random bytes, base64url, with a readable prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`: what Waypoint-Signature carries. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export type SendOutcome =
  | { ok: true; responseCode: number }
  | { ok: false; responseCode: number | null; error: string };

/** Posts one delivery: the body in its format, signed, within SEND_TIMEOUT_MS. */
@Injectable()
export class WebhookSender {
  constructor(private readonly config: AppConfig) {}

  async send(delivery: {
    id: string;
    url: string;
    secret: string;
    format: WebhookFormat;
    payload: WebhookPayload;
  }): Promise<SendOutcome> {
    const body = JSON.stringify(webhookBody(delivery.format, delivery.payload));
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const answer = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': `Waypoint-Webhooks/${this.config.version}`,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: webhookSignature(delivery.secret, timestamp, body),
          [WEBHOOK_HEADERS.event]: delivery.payload.type,
          [WEBHOOK_HEADERS.delivery]: delivery.id,
        },
        body,
      });
      const text = await answer.text().catch(() => '');
      if (answer.status >= 200 && answer.status < 300) {
        return { ok: true, responseCode: answer.status };
      }
      const said = text.trim().slice(0, ERROR_BODY_CHARS);
      return {
        ok: false,
        responseCode: answer.status,
        error: `The address answered ${answer.status}${said ? `: ${said}` : ''}`,
      };
    } catch (error) {
      return { ok: false, responseCode: null, error: failureWords(error) };
    }
  }
}

/** Why no answer came, in words (the cause's code kept, e.g. ECONNREFUSED). */
function failureWords(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `No answer within ${SEND_TIMEOUT_MS / 1000} seconds`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `Could not connect (${code})` : `Could not connect: ${message}`;
}
