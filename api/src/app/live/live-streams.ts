import {
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { LIVE_CHANGE_EVENT, PUBLIC_LIVE_EVENT_KINDS } from '@waypoint/contracts';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, permissionRule } from '../auth';
import { AccessEndedSignal } from '../common';
import { LiveAudienceRepository } from './live-audience.repository';
import { LiveBus } from './live-bus';
import { type BusMessage, isAccessEnded } from './live-envelope';

/** A comment line every so often keeps proxies and load balancers from closing idle streams. */
export const HEARTBEAT_MS = 20_000;
/** How long the browser waits before reconnecting (the SSE `retry:` hint). */
export const RETRY_MS = 5_000;
/**
 * A stream ends after this long and the browser reconnects through the guard again, so a
 * revoked session, a deactivated user or a changed role takes effect within this bound.
 */
export const STREAM_LIFETIME_MS = 5 * 60_000;
/** Open streams per user and per instance (tabs); more answer 429. */
export const STREAMS_PER_USER = 10;

interface Stream {
  userId: string;
  /** The session or API token the stream was opened with. */
  credentialId: string;
  /** Overseers see every initiative; members only those they are on. */
  seesAll: boolean;
  write(chunk: string): void;
  end(): void;
}

const SEES_ALL = permissionRule('initiatives.read').roles;

/** The open GET /api/events streams of this instance, and what each may receive. */
@Injectable()
export class LiveStreams implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveStreams');
  private readonly streams = new Set<Stream>();
  private readonly prefix = Date.now().toString(36);
  private sequence = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  /** The messages being sent to the streams, in order (see onModuleInit). */
  private delivering: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;

  private stopAccessSignal: (() => void) | null = null;

  constructor(
    private readonly bus: LiveBus,
    private readonly audience: LiveAudienceRepository,
    private readonly accessEnded: AccessEndedSignal,
  ) {}

  get size(): number {
    return this.streams.size;
  }

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe(
      (message) => {
        if (isAccessEnded(message)) this.accessEnded.arrived(message.accessEnded);
        // One at a time, in the order the bus had them: a member's stream waits for a lookup of
        // who may see the initiative, and a reading and its recomputed values arrive together.
        this.delivering = this.delivering
          .then(() => this.dispatch(message))
          .catch((error: unknown) => {
            this.logger.warn(
              { error: error instanceof Error ? error.message : String(error) },
              'could not send a live event',
            );
          });
      },
      () => {
        // Messages may have been lost while the listener was cut off: nothing kept is trusted.
        this.accessEnded.arrived(null);
        this.broadcast('resync', {});
      },
    );
    // Access ended on this instance: tell every instance (outside any transaction: it has
    // committed), each closes the streams opened with it.
    this.stopAccessSignal = this.accessEnded.subscribe((ended) => {
      this.bus.publish({ accessEnded: ended }).catch((error: unknown) => {
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'could not announce that access ended; its streams end at their lifetime',
        );
      });
    });
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.write(': ping\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Ends every open stream, so they do not keep the HTTP server from closing. */
  onModuleDestroy(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stopAccessSignal?.();
    this.stopAccessSignal = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const stream of [...this.streams]) stream.end();
  }

  /** Takes over the reply (bypassing compression and interceptors) and keeps it open. */
  open(user: AuthenticatedUser, reply: FastifyReply): void {
    const mine = [...this.streams].filter((s) => s.userId === user.id).length;
    if (mine >= STREAMS_PER_USER) {
      throw new HttpException(
        `At most ${STREAMS_PER_USER} live streams per user: close another tab.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const raw = reply.raw;
    // Headers set so far (helmet, X-Request-Id) are on the Fastify reply, not yet on `raw`.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined)
        raw.setHeader(name, typeof value === 'number' ? String(value) : value);
    }
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.flushHeaders();
    let ended = false;
    const stream: Stream = {
      userId: user.id,
      credentialId: user.credentialId,
      seesAll: SEES_ALL.includes(user.role),
      write: (chunk) => {
        if (!ended) raw.write(chunk);
      },
      end: () => {
        if (ended) return;
        ended = true;
        clearTimeout(lifetime);
        this.streams.delete(stream);
        raw.end();
      },
    };
    const lifetime = setTimeout(() => stream.end(), STREAM_LIFETIME_MS);
    lifetime.unref();
    raw.on('close', () => stream.end());
    this.streams.add(stream);
    stream.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    stream.write(this.frame('ready', {}));
  }

  /** Sends a message to the streams that may receive it. */
  private async dispatch(message: BusMessage): Promise<void> {
    if (this.streams.size === 0) return;
    if (isAccessEnded(message)) {
      const { userId, credentialId, staleOnly } = message.accessEnded;
      if (staleOnly === true) return;
      for (const stream of [...this.streams]) {
        if (
          stream.userId === userId &&
          (credentialId === null || stream.credentialId === credentialId)
        )
          stream.end();
      }
      return;
    }
    const envelope = message;
    const { event, recipientId } = envelope;
    const frame = this.frame(LIVE_CHANGE_EVENT, event);
    if (recipientId !== null) {
      for (const stream of this.streams) if (stream.userId === recipientId) stream.write(frame);
      return;
    }
    if (PUBLIC_LIVE_EVENT_KINDS.includes(event.kind)) {
      for (const stream of this.streams) stream.write(frame);
      return;
    }
    const members = [...this.streams].filter((stream) => !stream.seesAll);
    for (const stream of this.streams) if (stream.seesAll) stream.write(frame);
    if (members.length === 0 || event.initiativeId === null) return;
    try {
      const people = await this.audience.peopleOn(event.initiativeId);
      for (const stream of members) if (people.has(stream.userId)) stream.write(frame);
    } catch (error) {
      this.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'could not tell who may see a live event',
      );
    }
  }

  private broadcast(name: string, data: object): void {
    const frame = this.frame(name, data);
    for (const stream of this.streams) stream.write(frame);
  }

  private frame(name: string, data: object): string {
    this.sequence += 1;
    return `id: ${this.prefix}-${this.sequence}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  }
}
