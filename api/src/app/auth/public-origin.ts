import type { AddressInfo } from 'node:net';
import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '../config';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Where people reach Waypoint: PUBLIC_URL, else the listening address. Set-password links are
 * made on it and cookie-authenticated writes must come from it. Never from Host or
 * X-Forwarded-Host, which the client chooses.
 */
@Injectable()
export class PublicOrigin {
  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The origin links are made on. */
  primary(): string {
    return this.allowed()[0] ?? '';
  }

  /**
   * The origin this request came to, when it is one of the allowed ones (the same app may be
   * reached as localhost and as 127.0.0.1); else the primary one. Links a browser must come back
   * to with its cookies (a single sign-on's redirect URI) are made on it.
   */
  of(request: { protocol: string; host: string }): string {
    const candidate = `${request.protocol}://${request.host}`;
    const allowed = this.allowed();
    return allowed.includes(candidate) ? candidate : (allowed[0] ?? '');
  }

  /** The origins a browser may send: PUBLIC_URL's, or the listening address's names. */
  allowed(): string[] {
    if (this.config.publicOrigin) return [this.config.publicOrigin];
    const server = this.adapterHost.httpAdapter?.getHttpServer() as
      | { address(): AddressInfo | string | null }
      | undefined;
    const address = server?.address();
    const listening = typeof address === 'object' && address ? address : null;
    const port = listening?.port ?? this.config.port;
    const bound = listening?.address ?? this.config.host;
    const host = bound.includes(':') ? `[${bound}]` : bound;
    const names =
      WILDCARDS.has(bound) || host === '[::]'
        ? LOOPBACK
        : LOOPBACK.includes(host)
          ? [host, ...LOOPBACK.filter((n) => n !== host)]
          : [host];
    return names.map((name) => `http://${name}:${port}`);
  }
}
