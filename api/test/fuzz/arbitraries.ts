/**
 * fast-check arbitraries generated from JSON schemas: valid values (within the documented
 * bounds, ids drawn from the records that exist) and hostile mutations of them.
 */
import fc from 'fast-check';
import type { Schema } from './contract';

/** Picks an existing id for a field name (teamIds, sponsorId, id, ...); null when unknown. */
export type IdSource = (field: string) => fc.Arbitrary<string> | null;

export interface SchemaContext {
  resolve(schema: Schema): Schema;
  ids: IdSource;
}

const NUL = '\u0000';

/** Strings that break naive code: NUL, unicode, lone surrogates, SQL and path tricks. */
export const nastyString = fc.constantFrom(
  '',
  ' ',
  NUL,
  `a${NUL}b`,
  '\uD800',
  '😀🚀 émoji',
  'ﷺ‮rtl',
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '%00',
  '%',
  '\\',
  '{"a":1}',
  '<script>alert(1)</script>',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '0001-01-01',
);

export const hugeString = fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'x'.repeat(n));

export const nastyNumber = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  1e-320,
);

export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 20 }),
  nastyString,
  nastyNumber,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A deeply nested value: 50..2,000 levels of arrays or objects. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 2_000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  });

function dateString(format: 'date' | 'date-time'): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z') })
    .filter((d) => !Number.isNaN(d.getTime()))
    .map((d) => (format === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()));
}

function validString(schema: Schema, field: string, ctx: SchemaContext): fc.Arbitrary<string> {
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as string[]));
  const format = schema['format'];
  if (format === 'uuid') return ctx.ids(field) ?? fc.uuid({ version: 4 });
  if (format === 'date' || format === 'date-time') return dateString(format);
  if (format === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = Math.min(typeof schema['maxLength'] === 'number' ? schema['maxLength'] : 60, 300);
  if (typeof schema['pattern'] === 'string') {
    return fc.stringMatching(new RegExp(schema['pattern'])).filter((s) => s.length >= min);
  }
  const lower = Math.max(min, 1);
  return fc
    .string({ minLength: lower, maxLength: Math.max(lower, max), unit: 'grapheme-ascii' })
    .filter((s) => s.trim().length >= Math.min(lower, 1));
}

function validNumber(schema: Schema): fc.Arbitrary<number> {
  const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : -1_000_000;
  const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : 1_000_000;
  if (
    schema['type'] === 'integer' ||
    (Array.isArray(schema['type']) && schema['type'].includes('integer'))
  )
    return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
  );
}

/** A value the schema accepts (best effort: the server may still reject it on domain rules). */
export function validValue(
  raw: Schema,
  ctx: SchemaContext,
  field = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = ctx.resolve(raw);
  const variants = (schema['oneOf'] ?? schema['anyOf']) as Schema[] | undefined;
  if (variants?.length) return fc.oneof(...variants.map((v) => validValue(v, ctx, field, depth)));
  const allOf = schema['allOf'] as Schema[] | undefined;
  if (allOf?.length === 1 && allOf[0]) return validValue(allOf[0], ctx, field, depth);
  const value = ((): fc.Arbitrary<unknown> => {
    if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
    // OpenAPI 3.1 spells a nullable type `[T, 'null']`.
    const declared = Array.isArray(schema['type'])
      ? (schema['type'] as unknown[]).find((t) => t !== 'null')
      : schema['type'];
    const type =
      declared ??
      (typeof schema['minimum'] === 'number' || typeof schema['maximum'] === 'number'
        ? 'number'
        : undefined);
    switch (type) {
      case 'string':
        return validString(schema, field, ctx);
      case 'integer':
      case 'number':
        return validNumber(schema);
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = (schema['items'] ?? {}) as Schema;
        const maxItems = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : 5;
        const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
        return fc.uniqueArray(validValue(items, ctx, field, depth + 1), {
          minLength: minItems,
          maxLength: Math.max(minItems, Math.min(maxItems, 4)),
          selector: (v) => JSON.stringify(v),
        });
      }
      case 'object':
      default:
        return validObject(schema, ctx, depth);
    }
  })();
  const nullable =
    schema['nullable'] === true ||
    (Array.isArray(schema['type']) && (schema['type'] as unknown[]).includes('null'));
  return nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

function validObject(schema: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  if (depth > 4 || Object.keys(properties).length === 0) return fc.constant({});
  const required = new Set((schema['required'] ?? []) as string[]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    model[name] = validValue(property, ctx, name, depth + 1);
  }
  return fc.record(model, { requiredKeys: [...required].filter((k) => k in properties) });
}

/** One hostile replacement for a value of the given schema. */
function hostileValue(schema: Schema): fc.Arbitrary<unknown> {
  const wrongType =
    schema['type'] === 'string'
      ? fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]))
      : fc.oneof(fc.string({ maxLength: 10 }), fc.constant({}), fc.constant([]));
  return fc.oneof(
    wrongType,
    fc.constant(null),
    nastyString,
    hugeString,
    nastyNumber,
    fc.constant(''),
    deepNesting,
    fc.array(anyJson, { maxLength: 3 }),
    anyJson,
  );
}

/** A mutation of a valid body: one of the classic ways clients send bad input. */
export function mutatedBody(
  raw: Schema,
  valid: fc.Arbitrary<unknown>,
  ctx: SchemaContext,
): fc.Arbitrary<unknown> {
  const schema = ctx.resolve(raw);
  const properties = Object.entries((schema['properties'] ?? {}) as Record<string, Schema>);
  const asObject = valid.map((v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? { ...(v as Record<string, unknown>) }
      : {},
  );
  const mutations: fc.Arbitrary<unknown>[] = [
    // a property replaced by something hostile
    properties.length === 0
      ? asObject
      : fc
          .tuple(asObject, fc.constantFrom(...properties))
          .chain(([body, [name, property]]) =>
            hostileValue(ctx.resolve(property)).map((bad) => ({ ...body, [name]: bad })),
          ),
    // a required property removed
    fc.tuple(asObject, fc.nat()).map(([body, i]) => {
      const required = (schema['required'] ?? []) as string[];
      const name = required[i % Math.max(required.length, 1)];
      if (name !== undefined) delete body[name];
      return body;
    }),
    // an unknown property added
    fc
      .tuple(asObject, fc.string({ minLength: 1, maxLength: 12 }), anyJson)
      .map(([body, key, value]) => ({ ...body, [`x_${key}`]: value })),
    fc.tuple(asObject).map(([body]) => ({ ...body, constructor: { prototype: { x: 1 } } })),
    // the wrong shape entirely
    fc.constantFrom(null, [], [{}], 'body', 42, true, {}),
    fc.array(valid, { minLength: 1, maxLength: 2 }),
    deepNesting,
    anyJson,
  ];
  return fc.oneof(...mutations);
}

/** A hostile query or path string. */
export const hostileText = fc.oneof(
  nastyString,
  hugeString.map((s) => s.slice(0, 3_000)),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('-5', '0', '1.5', '1e3', 'abc', '[]', 'true', '99999999999999999999'),
  fc.uuid(),
);
