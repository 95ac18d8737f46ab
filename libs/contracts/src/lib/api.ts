/** RFC 9457 problem details, as every error answer of the API. */
import type { DomainErrorCode } from './domain-enums';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** The rule that refused (every 422 carries one). */
  code?: DomainErrorCode;
  /** Per-field messages (validation failures, rule refusals about fields): field path to messages. */
  errors?: Record<string, string[]>;
}

export interface HealthResponse {
  status: 'ok';
  uptimeSeconds: number;
  version: string;
}

export interface ReadinessResponse {
  status: 'ok' | 'unavailable';
  database: {
    kind: 'embedded' | 'server';
    reachable: boolean;
    latencyMs: number | null;
  };
}

export interface MetaResponse {
  version: string;
  installationId: string;
  installedAt: string;
  demo: boolean;
  database: 'embedded' | 'server';
  /** The organisation's currency (ISO 4217, `ORGANISATION_CURRENCY`): every amount is in it. */
  currency: string;
}
