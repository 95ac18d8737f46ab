/**
 * The contract fuzzer: for every operation of the OpenAPI document and every role, valid and
 * hostile requests (fast-check, reproducible from a seed), checked against the contract:
 * never 5xx, every 4xx is problem details, every answer is documented and matches its schema.
 */
import fc from 'fast-check';
import {
  anyJson,
  deepNesting,
  hostileText,
  mutatedBody,
  validValue,
  type SchemaContext,
} from './arbitraries';
import { checkAnswer, encodeSegment, type OperationResult, summaryLine } from './checks';
import { Contract, type OpenApiDocument, type Operation } from './contract';
import { type IdPool, collectIds } from './id-pool';
import { type Identity, ROLES, type RoleName, setUpIdentities } from './identities';

export { summaryLine, type OperationResult };

/** A request without an answer in this time is a finding (a hang), not a stuck run. */
const ANSWER_TIMEOUT_MS = 20_000;

export interface FuzzOptions {
  baseUrl: string;
  seed: number;
  /** Cases per operation. */
  runs: number;
  /** Only operations whose key contains this text. */
  only?: string;
  log?: (line: string) => void;
}

export interface FuzzResult {
  seed: number;
  operations: OperationResult[];
  cases: number;
  findings: number;
  millis: number;
}

type CaseKind =
  | 'valid'
  | 'bad-path'
  | 'bad-query'
  | 'bad-body'
  | 'raw-body'
  | 'content-type'
  | 'bad-header';

interface Case {
  kind: CaseKind;
  role: RoleName;
  path: Record<string, string>;
  query: [string, string][];
  body: { json: unknown } | { raw: string; contentType: string } | null;
  headers: Record<string, string>;
}

const RAW_BODIES = fc.constantFrom(
  '{',
  '{"a":',
  '[1,2',
  'not json',
  '\u0000',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  '',
  '   ',
  'null',
  '1e400',
  '"\\ud800"',
);

const OTHER_CONTENT_TYPES = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/octet-stream',
);

/** Operations that remove what others need run last; logout last of all. */
function order(operations: Operation[]): Operation[] {
  const rank = (op: Operation): number => {
    if (op.key === 'POST /api/auth/logout') return 5;
    if (op.method === 'DELETE') return 4;
    if (op.method === 'GET') return 0;
    if (op.path.endsWith('/transitions')) return 3;
    if (op.method === 'PATCH' || op.method === 'PUT') return 2;
    return 1;
  };
  return [...operations].sort((a, b) => rank(a) - rank(b));
}

/** The resource an {id} of a path names: the segment before it, or the param's own name. */
function resourceOf(path: string, param: string): string {
  if (param !== 'id') return param.replace(/Id$/, '');
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return segments[at - 1] ?? '';
}

export class Fuzzer {
  private readonly contract: Contract;
  private readonly ctx: SchemaContext;

  constructor(
    document: OpenApiDocument,
    private readonly options: FuzzOptions,
    private readonly identities: Record<RoleName, Identity>,
    private readonly pool: IdPool,
  ) {
    this.contract = new Contract(document);
    this.ctx = {
      resolve: (schema) => this.contract.resolve(schema),
      ids: (field) => this.pool.arbitraryFor(field),
    };
  }

  async run(): Promise<FuzzResult> {
    const started = Date.now();
    const results: OperationResult[] = [];
    const operations = order(this.contract.operations).filter(
      (op) => !this.options.only || op.key.includes(this.options.only),
    );
    for (const [index, op] of operations.entries()) {
      const result = await this.fuzzOperation(op, this.options.seed + index);
      results.push(result);
      this.options.log?.(summaryLine(result));
      for (const finding of result.findings) this.options.log?.(`  ${finding}`);
    }
    return {
      seed: this.options.seed,
      operations: results,
      cases: results.reduce((n, r) => n + r.cases, 0),
      findings: results.reduce((n, r) => n + r.findings.length, 0),
      millis: Date.now() - started,
    };
  }

  private caseArbitrary(op: Operation, role: RoleName): fc.Arbitrary<Case> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const validPath = fc.record(
      Object.fromEntries(
        pathParams.map((p) => [
          p.name,
          this.pool.arbitraryFor(resourceOf(op.path, p.name), role) ?? fc.uuid({ version: 4 }),
        ]),
      ),
    ) as fc.Arbitrary<Record<string, string>>;
    const validQuery = fc
      .tuple(
        ...queryParams.map((p) =>
          fc.option(
            validValue(p.schema, this.ctx, p.name).map((v) => [p.name, String(v)] as const),
            { freq: 2 },
          ),
        ),
      )
      .map((entries) => entries.filter((e) => e !== null).map(([k, v]) => [k, v]));
    const validBody = op.body ? validValue(op.body, this.ctx) : fc.constant(undefined);
    const base = fc.record({
      path: validPath,
      query: validQuery as fc.Arbitrary<[string, string][]>,
      body: validBody,
      idempotencyKey: fc.option(fc.uuid(), { freq: 2 }),
    });
    const kinds: { weight: number; arbitrary: fc.Arbitrary<CaseKind> }[] = [
      { weight: 4, arbitrary: fc.constant('valid') },
      { weight: 3, arbitrary: fc.constant('bad-header') },
    ];
    if (pathParams.length > 0) kinds.push({ weight: 3, arbitrary: fc.constant('bad-path') });
    if (queryParams.length > 0) kinds.push({ weight: 3, arbitrary: fc.constant('bad-query') });
    if (op.body) {
      kinds.push({ weight: 6, arbitrary: fc.constant('bad-body') });
      kinds.push({ weight: 2, arbitrary: fc.constant('raw-body') });
      kinds.push({ weight: 2, arbitrary: fc.constant('content-type') });
    } else if (op.method !== 'GET') {
      kinds.push({ weight: 1, arbitrary: fc.constant('raw-body') });
    }
    return fc.tuple(base, fc.oneof(...kinds)).chain(([b, kind]) => {
      const start: Case = {
        kind,
        role,
        path: b.path,
        query: b.query,
        body: op.body ? { json: b.body } : null,
        headers: b.idempotencyKey ? { 'Idempotency-Key': b.idempotencyKey } : {},
      };
      return this.mutate(op, start, b.body);
    });
  }

  private mutate(op: Operation, c: Case, validBody: unknown): fc.Arbitrary<Case> {
    switch (c.kind) {
      case 'valid':
        return fc.constant(c);
      case 'bad-path': {
        const names = Object.keys(c.path);
        return fc
          .tuple(fc.constantFrom(...names), fc.oneof(fc.uuid(), hostileText))
          .map(([name, value]) => ({ ...c, path: { ...c.path, [name]: value } }));
      }
      case 'bad-query': {
        const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
        return fc
          .tuple(fc.constantFrom(...names), hostileText, fc.boolean())
          .map(([name, value, twice]) => ({
            ...c,
            query: [
              ...c.query.filter(([k]) => k !== name),
              [name, value] as [string, string],
              ...(twice ? [[name, value] as [string, string]] : []),
            ],
          }));
      }
      case 'bad-body':
        return mutatedBody(op.body ?? {}, fc.constant(validBody), this.ctx).map((json) => ({
          ...c,
          body: { json },
        }));
      case 'raw-body':
        return RAW_BODIES.map((raw) => ({
          ...c,
          body: { raw, contentType: 'application/json' },
        }));
      case 'content-type':
        return fc
          .tuple(OTHER_CONTENT_TYPES, fc.oneof(anyJson, deepNesting))
          .map(([contentType, value]) => ({
            ...c,
            body: { raw: JSON.stringify(value) ?? 'x', contentType },
          }));
      case 'bad-header':
        return fc
          .tuple(
            fc.constantFrom('If-Match', 'Idempotency-Key', 'Authorization', 'Accept'),
            fc.constantFrom('', '*', 'W/"1"', '"0"', '"abc"', '"1", "2"', '"99999999999"', 'x'),
          )
          .map(([name, value]) => ({ ...c, headers: { ...c.headers, [name]: value } }));
    }
  }

  private async fuzzOperation(op: Operation, seed: number): Promise<OperationResult> {
    const result: OperationResult = { key: op.key, cases: 0, statuses: new Map(), findings: [] };
    const perRole = Math.ceil(this.options.runs / ROLES.length);
    for (const [r, role] of ROLES.entries()) {
      const count = Math.min(perRole, this.options.runs - r * perRole);
      if (count <= 0) break;
      const cases = fc.sample(this.caseArbitrary(op, role), { seed: seed * 7 + r, numRuns: count });
      for (const c of cases) {
        const finding = await this.execute(op, c);
        result.cases += 1;
        result.statuses.set(finding.status, (result.statuses.get(finding.status) ?? 0) + 1);
        if (finding.problem && result.findings.length < 50) result.findings.push(finding.problem);
      }
    }
    return result;
  }

  private async ifMatchFor(op: Operation, c: Case): Promise<string> {
    const id = c.path['id'];
    const segment = op.path.split('/')[2];
    if (!id || !segment) return '"1"';
    const res = await fetch(`${this.options.baseUrl}/api/${segment}/${encodeSegment(id)}`, {
      headers: this.identities.admin.headers,
    });
    await res.arrayBuffer();
    return res.headers.get('etag') ?? '"1"';
  }

  private async execute(op: Operation, c: Case): Promise<{ status: number; problem?: string }> {
    let path = op.path;
    for (const [name, value] of Object.entries(c.path)) {
      path = path.replace(`{${name}}`, encodeSegment(value));
    }
    const query = new URLSearchParams(c.query).toString();
    const url = `${this.options.baseUrl}${path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { ...this.identities[c.role].headers };
    const needsIfMatch = op.parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
    if (needsIfMatch && c.kind !== 'bad-header') headers['If-Match'] = await this.ifMatchFor(op, c);
    Object.assign(headers, c.headers);
    let body: string | undefined;
    if (c.body && 'json' in c.body && c.body.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(c.body.json);
    } else if (c.body && 'raw' in c.body) {
      headers['Content-Type'] = c.body.contentType;
      body = c.body.raw;
    }
    const describe = (): string =>
      `${c.role} ${c.kind} ${op.method} ${url.slice(this.options.baseUrl.length, 200)}` +
      (body === undefined ? '' : ` body=${body.slice(0, 160)}`);
    let res: Response;
    try {
      res = await fetch(url, {
        method: op.method,
        headers,
        body,
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
    } catch (error) {
      return { status: 0, problem: `no answer (${String(error)}): ${describe()}` };
    }
    let text: string;
    try {
      text = isEventStream(res) ? await firstEvent(res) : await res.text();
    } catch (error) {
      return { status: res.status, problem: `body not received (${String(error)}): ${describe()}` };
    }
    if (c.role !== 'anonymous' || op.isPublic) {
      this.pool.learn(op.path, c.role, text, res.headers.get('content-type'));
    }
    const problem =
      c.role === 'anonymous' && !op.isPublic && res.status < 400
        ? `${res.status} to an anonymous caller of a protected operation`
        : checkAnswer(this.contract, op, res, text);
    return { status: res.status, ...(problem ? { problem: `${problem} ← ${describe()}` } : {}) };
  }
}

function isEventStream(res: Response): boolean {
  return res.ok && (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
}

/**
 * A server-sent event stream never ends by itself: read up to its first event (the blank line
 * that closes it), then hang up. An empty text means the stream ended before any event.
 */
async function firstEvent(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (!text.includes('\n\n')) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel();
  }
  if (!text.includes('\n\n')) throw new Error('the event stream ended before its first event');
  return text;
}

/** Signs in every role, collects existing ids, and fuzzes every operation. */
export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  const document = (await (
    await fetch(`${options.baseUrl}/api/docs-json`)
  ).json()) as OpenApiDocument;
  const identities = await setUpIdentities(options.baseUrl);
  const pool = await collectIds(options.baseUrl, identities);
  return new Fuzzer(document, options, identities, pool).run();
}
