import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The contract check of the integration specs: every JSON answer received through `send()` is
 * validated against the app's own OpenAPI document (/api/docs-json, fetched once per test app),
 * by operation (method + path template) and status code, with Ajv in strict mode. OpenAPI 3.1
 * schemas are JSON Schema 2020-12; a 3.0 document gets `nullable` exactly as 3.0.3 defines it
 * (it adds null only beside an explicit `type`).
 *
 * A mismatch throws (the test fails with the path and Ajv's errors). With CONTRACT_REPORT set
 * to a file name, every answer is appended there as a JSON line instead (method, path, status, content type,
 * body and the mismatch, null when it conforms), to measure them and to replay them against
 * another document (scripts/contract-replay.mjs).
 */

interface MediaType {
  schema?: unknown;
}
interface Response {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses?: Record<string, Response>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Route {
  template: string;
  pattern: RegExp;
  literals: number;
  item: Record<string, Operation>;
}

export interface Contract {
  /** Validates one answer; the mismatch's message, or null when it conforms (or is not JSON). */
  check(
    method: string,
    url: string,
    status: number,
    contentType: string,
    body: unknown,
  ): string | null;
}

const COMPONENTS = 'components';
/** OpenAPI keywords that are annotations only, not JSON Schema validation keywords. */
const ANNOTATIONS = new Set(['example', 'xml', 'externalDocs', 'discriminator']);

/** An OpenAPI schema as JSON Schema for Ajv (refs into the components, 3.0 nullable). */
export function toJsonSchema(schema: unknown, openapi30: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, openapi30));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace('#/components/schemas/', `${COMPONENTS}#/$defs/`);
    } else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, toJsonSchema(s, openapi30)]),
      );
    } else if (openapi30 && key === 'nullable') {
      continue;
    } else {
      out[key] = toJsonSchema(value, openapi30);
    }
  }
  const nullable = (schema as { nullable?: unknown }).nullable === true;
  // 3.0.3: null joins the explicit type; an enum still allows only what it lists.
  if (openapi30 && nullable && typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
  }
  return out;
}

function routesOf(document: Document): Route[] {
  return Object.entries(document.paths)
    .map(([template, item]) => {
      const parts = template.split(/(\{[^}]+\})/);
      const source = parts
        .map((part) =>
          part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
        )
        .join('');
      return {
        template,
        pattern: new RegExp(`^${source}$`),
        literals: parts.filter((p) => !p.startsWith('{')).join('').length,
        item,
      };
    })
    .sort((a, b) => b.literals - a.literals);
}

export function createContract(document: Document): Contract {
  const openapi30 = document.openapi.startsWith('3.0');
  const ajv = openapi30
    ? new Ajv({ strict: true, allErrors: true })
    : new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({
    $id: COMPONENTS,
    $defs: toJsonSchema(document.components?.schemas ?? {}, openapi30),
  });
  const routes = routesOf(document);
  const compiled = new Map<string, ValidateFunction>();

  return {
    check(method, url, status, contentType, body) {
      if (!contentType.includes('json')) return null;
      const path = new URL(url, 'http://x').pathname;
      const route = routes.find((r) => r.pattern.test(path));
      const operation = route?.item[method.toLowerCase()];
      // Not an operation of the API (an unknown path or method): nothing to hold it to.
      if (!route || !operation) return null;
      const where = `${method.toUpperCase()} ${route.template} → ${status} (${path})`;
      const responses = operation.responses ?? {};
      const response =
        responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
      if (!response) return `${where}: status ${status} is not documented`;
      const mediaType = contentType.split(';')[0]?.trim() ?? '';
      const media = response.content?.[mediaType];
      if (!media) {
        return `${where}: content type ${mediaType} is not documented (documented: ${
          Object.keys(response.content ?? {}).join(', ') || 'none'
        })`;
      }
      if (media.schema === undefined) return null;
      const key = `${method} ${route.template} ${status} ${mediaType}`;
      let validate = compiled.get(key);
      if (!validate) {
        try {
          validate = ajv.compile(toJsonSchema(media.schema, openapi30) as object);
        } catch (error) {
          return `${where}: the schema does not compile in strict mode: ${String(error)}`;
        }
        compiled.set(key, validate);
      }
      if (validate(body)) return null;
      return `${where}: ${ajv.errorsText(validate.errors, { separator: '; ', dataVar: 'body' })}`;
    },
  };
}

const contracts = new Map<string, Promise<Contract>>();

/** The contract of a running test app (its document, fetched once). */
export function contractOf(baseUrl: string): Promise<Contract> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = fetch(`${baseUrl}/api/docs-json`)
      .then((res) => res.json() as Promise<Document>)
      .then(createContract);
    contracts.set(baseUrl, contract);
  }
  return contract;
}

/** Holds an answer to the contract: throws on a mismatch (or records it, see CONTRACT_REPORT). */
export async function checkAnswer(
  baseUrl: string,
  method: string,
  path: string,
  answer: { status: number; headers: Headers; body: unknown },
): Promise<void> {
  const contract = await contractOf(baseUrl);
  const mismatch = contract.check(
    method,
    path,
    answer.status,
    answer.headers.get('content-type') ?? '',
    answer.body,
  );
  const report = process.env['CONTRACT_REPORT'];
  if (report) {
    mkdirSync(join(report, '..'), { recursive: true });
    const contentType = answer.headers.get('content-type') ?? '';
    const { status, body } = answer;
    appendFileSync(
      report,
      `${JSON.stringify({ method, path, status, contentType, body, mismatch })}\n`,
    );
    return;
  }
  if (mismatch === null) return;
  throw new Error(`The answer does not match the OpenAPI document: ${mismatch}`);
}
