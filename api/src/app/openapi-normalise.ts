import type { OpenAPIObject } from '@nestjs/swagger';
import { PERMISSION_EXTENSION, SESSION_COOKIE } from './auth';

/** Bounds given where a schema states none (a string without a validator's maxLength, ...). */
export const DEFAULT_LIMITS = {
  /** Free text of an answer: the longest text column the API serves is well below this. */
  stringMaxLength: 10_000,
  /** Lists are paged or bounded by the data of one initiative. */
  arrayMaxItems: 10_000,
  int32: { minimum: -2_147_483_648, maximum: 2_147_483_647 },
} as const;

/** maxLength by string format (an RFC 3339 date-time with offset and fraction fits in 35). */
const FORMAT_MAX_LENGTH: Record<string, number> = {
  uuid: 36,
  date: 10,
  'date-time': 35,
  email: 254,
  uri: 2048,
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM = { $ref: '#/components/schemas/ProblemDetailsDto' };
const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
  },
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One schema (not its children) as OpenAPI 3.1 / JSON Schema 2020-12, with the limits OWASP
 * asks for: `nullable` becomes `type: [T, 'null']` (and `null` joins an enum), a nullable
 * reference (`nullable` beside `allOf: [$ref]`, as @nestjs/swagger emits it) becomes
 * `oneOf: [$ref, {type: 'null'}]`; every string gets a maxLength, every array a maxItems, every
 * integer a format and bounds.
 */
function normaliseSchema(schema: Json): Json {
  const { nullable, ...rest } = schema;
  let out: Json = rest;
  const allOf = out['allOf'];
  const singleRef =
    Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0]) && '$ref' in allOf[0]
      ? allOf[0]
      : null;
  if (singleRef) {
    // `type: object` beside a reference says nothing the reference does not.
    const { allOf: _allOf, type: _type, ...annotations } = out;
    out =
      nullable === true
        ? { ...annotations, oneOf: [singleRef, { type: 'null' }] }
        : { ...annotations, allOf: [singleRef] };
  }
  const type = out['type'];
  if (type === 'string' && out['enum'] === undefined && out['const'] === undefined) {
    const format = typeof out['format'] === 'string' ? out['format'] : '';
    out['maxLength'] ??= FORMAT_MAX_LENGTH[format] ?? DEFAULT_LIMITS.stringMaxLength;
  }
  if (type === 'array') out['maxItems'] ??= DEFAULT_LIMITS.arrayMaxItems;
  if (type === 'integer') {
    out['format'] ??= 'int32';
    out['minimum'] ??= DEFAULT_LIMITS.int32.minimum;
    out['maximum'] ??= DEFAULT_LIMITS.int32.maximum;
  }
  if (nullable === true && typeof type === 'string') {
    out['type'] = [type, 'null'];
    if (Array.isArray(out['enum']) && !out['enum'].includes(null)) {
      out['enum'] = [...(out['enum'] as unknown[]), null];
    }
  }
  return out;
}

/** Walks every schema of the document (components, parameters, bodies, answers, headers). */
function walk(node: unknown, inSchema: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, inSchema));
  if (!isObject(node)) return node;
  const looksLikeSchema =
    inSchema &&
    ('type' in node || 'allOf' in node || 'oneOf' in node || '$ref' in node || 'enum' in node);
  const current = looksLikeSchema ? normaliseSchema(node) : node;
  const out: Json = {};
  for (const [key, value] of Object.entries(current)) {
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, walk(s, true)]),
      );
    } else if (key === 'schema' || key === 'schemas' || key === 'items') {
      out[key] =
        key === 'schemas' && isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, walk(s, true)]))
          : walk(value, true);
    } else if (['allOf', 'oneOf', 'anyOf', 'not', 'additionalProperties'].includes(key)) {
      out[key] = walk(value, true);
    } else if (key === 'example' || key === 'examples' || key === 'enum' || key === 'default') {
      out[key] = value;
    } else {
      out[key] = walk(value, false);
    }
  }
  return out;
}

interface OperationLike {
  responses: Record<string, { description?: string; content?: unknown; headers?: unknown }>;
  security?: unknown[];
  [PERMISSION_EXTENSION]?: string;
}

/**
 * The generated document as the contract clients validate against: OpenAPI 3.1 with exact
 * nullable types and limits (normaliseSchema), a server, the session cookie and API token
 * schemes and which operations need them (public ones: `security: []`), and the answers any
 * operation can give (403 where a permission is needed, 500, 503 with Retry-After; 429 with
 * Retry-After where documented). The one place where the decorators' output is completed.
 */
export function normaliseDocument(document: OpenAPIObject): OpenAPIObject {
  const out = walk(document, false) as OpenAPIObject;
  out.openapi = '3.1.0';
  (out as unknown as Json)['servers'] = [
    {
      url: '/',
      description:
        'The server that serves this document (production, staging or a local development one).',
      'x-internal': false,
    },
  ];
  out.components = {
    ...out.components,
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'The session cookie set by POST /api/auth/login (same-site requests only).',
      },
      token: {
        type: 'http',
        scheme: 'bearer',
        description: 'A personal API token: `Authorization: Bearer <token>`.',
      },
    },
  };
  for (const item of Object.values(out.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as OperationLike | undefined;
      if (!operation) continue;
      const needsSignIn = operation[PERMISSION_EXTENSION] !== undefined;
      operation.security = needsSignIn ? [{ session: [] }, { token: [] }] : [];
      const responses = operation.responses;
      const problem = { 'application/problem+json': { schema: PROBLEM } };
      if (needsSignIn) {
        responses['403'] ??= {
          description: 'Signed in, but without the permission this operation needs.',
          content: problem,
        };
      }
      responses['500'] ??= {
        description: 'An unexpected error (problem details; no stack or SQL).',
        content: problem,
      };
      responses['503'] ??= {
        description: 'The database is unavailable or the server is shutting down: retry later.',
        content: problem,
      };
      for (const status of ['429', '503']) {
        const response = responses[status];
        if (response)
          response.headers = { ...(response.headers as Json | undefined), ...RETRY_AFTER };
      }
    }
  }
  const tags = new Set<string>();
  for (const item of Object.values(out.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, { tags?: string[] } | undefined>)[method];
      for (const tag of operation?.tags ?? []) tags.add(tag);
    }
  }
  // Tags described in openapi.ts first; any other an operation uses, by name.
  const described = out.tags ?? [];
  const named = new Set(described.map((tag) => tag.name));
  out.tags = [
    ...described,
    ...[...tags]
      .filter((name) => !named.has(name))
      .sort()
      .map((name) => ({ name })),
  ];
  return out;
}
