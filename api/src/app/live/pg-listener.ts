import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgListenerOptions {
  url: string;
  channel: string;
  onPayload(payload: string): void;
  /** After a dropped connection is back: what was sent meanwhile is lost, so clients resync. */
  onReconnected(): void;
  /** First and largest wait before reconnecting (doubling in between). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * One dedicated connection (not from the pool) that LISTENs on a channel, and reconnects with
 * exponential backoff when it drops.
 */
export class PgListener {
  private readonly logger = new Logger('LiveListener');
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private failures = 0;
  private everConnected = false;

  constructor(private readonly options: PgListenerOptions) {}

  get connected(): boolean {
    return this.client !== null;
  }

  /** Connects once; when that fails, keeps trying in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.options.url,
      application_name: 'waypoint-live',
      keepAlive: true,
    });
    client.on('notification', (message) => {
      if (message.channel === this.options.channel && message.payload !== undefined) {
        this.options.onPayload(message.payload);
      }
    });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.dropped(client, error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    if (this.everConnected) {
      this.logger.log('live updates listener reconnected');
      this.options.onReconnected();
    }
    this.everConnected = true;
  }

  private dropped(client: Client, error: unknown): void {
    if (this.closed) return;
    if (this.client !== null && this.client !== client) return;
    if (this.client === null && this.timer !== null) return;
    this.client = null;
    void client.end().catch(() => undefined);
    const min = this.options.minDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 30_000;
    const delay = Math.min(max, min * 2 ** Math.min(this.failures, 16));
    this.failures += 1;
    this.logger.warn(
      { error: error instanceof Error ? error.message : null, retryInMs: delay },
      'live updates listener lost its connection',
    );
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    this.timer.unref();
  }
}
