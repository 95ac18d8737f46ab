/**
 * The OpenAPI document as the fuzzer sees it: its operations, and ajv validators for every
 * documented answer (against the document's own components).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface DocumentedAnswer {
  /** Media types documented for this status (empty: no body). */
  mediaTypes: string[];
  validate: ValidateFunction | null;
}

export interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  /** The JSON request body schema, when the operation takes one. */
  body: Schema | null;
  bodyRequired: boolean;
  answers: Map<number, DocumentedAnswer>;
  isPublic: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Schema> };
}

export const PROBLEM_TYPE = 'application/problem+json';

export class Contract {
  readonly operations: Operation[];
  readonly validateProblem: ValidateFunction;
  private readonly ajv: Ajv;

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ components: openApiNullable(document.components) }, 'doc');
    this.validateProblem = this.compile({ $ref: '#/components/schemas/ProblemDetailsDto' });
    this.operations = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, raw] of Object.entries(item)) {
        this.operations.push(this.operation(path, method, raw));
      }
    }
  }

  /** Resolves a `$ref` into the components (one level at a time). */
  resolve(schema: Schema): Schema {
    let current = schema;
    for (let i = 0; i < 10 && typeof current['$ref'] === 'string'; i++) {
      const name = current['$ref'].split('/').pop() ?? '';
      current = this.document.components.schemas[name] ?? {};
    }
    return current;
  }

  private compile(schema: Schema): ValidateFunction {
    // Refs point into the document registered as "doc".
    const rewritten = JSON.parse(
      JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/'),
    ) as Schema;
    return this.ajv.compile(openApiNullable(rewritten) as Schema);
  }

  private operation(path: string, method: string, raw: Record<string, unknown>): Operation {
    const parameters = ((raw['parameters'] ?? []) as Record<string, unknown>[]).map((p) => ({
      name: String(p['name']),
      in: p['in'] as Parameter['in'],
      required: p['required'] === true,
      schema: (p['schema'] ?? {}) as Schema,
    }));
    const requestBody = raw['requestBody'] as
      | { required?: boolean; content?: Record<string, { schema?: Schema }> }
      | undefined;
    const bodySchema = requestBody?.content?.['application/json']?.schema ?? null;
    const answers = new Map<number, DocumentedAnswer>();
    const responses = (raw['responses'] ?? {}) as Record<
      string,
      { content?: Record<string, { schema?: Schema }> }
    >;
    for (const [status, response] of Object.entries(responses)) {
      const content = response.content ?? {};
      const mediaTypes = Object.keys(content);
      const jsonType = mediaTypes.find((t) => t.includes('json'));
      const schema = jsonType ? content[jsonType]?.schema : undefined;
      answers.set(Number(status), {
        mediaTypes,
        validate: schema ? this.compile(schema) : null,
      });
    }
    return {
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      parameters,
      body: bodySchema,
      bodyRequired: requestBody?.required === true,
      answers,
      isPublic: raw['x-waypoint-permission'] === undefined,
    };
  }
}

/**
 * OpenAPI 3.0's `nullable: true` (also beside `allOf` or `enum`) as JSON Schema: the value, or
 * null.
 */
export function openApiNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(openApiNullable);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'nullable') out[key] = openApiNullable(child);
  }
  return (value as Schema)['nullable'] === true ? { anyOf: [out, { type: 'null' }] } : out;
}
