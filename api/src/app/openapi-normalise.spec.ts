import type { OpenAPIObject } from '@nestjs/swagger';
import { DEFAULT_LIMITS, normaliseDocument } from './openapi-normalise';

const ref = { $ref: '#/components/schemas/UserRefDto' };

function documentWith(schema: Record<string, unknown>, operation: Record<string, unknown> = {}) {
  return {
    openapi: '3.0.0',
    info: { title: 'T', version: '1' },
    servers: [],
    paths: {
      '/api/things': {
        get: { responses: { '200': { description: 'ok' } }, ...operation },
      },
    },
    components: { schemas: { Thing: { type: 'object', properties: schema } } },
  } as unknown as OpenAPIObject;
}

const props = (document: OpenAPIObject): Record<string, unknown> =>
  (document.components?.schemas?.['Thing'] as { properties: Record<string, unknown> }).properties;

describe('normaliseDocument', () => {
  it('moves the document to OpenAPI 3.1 with a server', () => {
    const document = normaliseDocument(documentWith({}));
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('turns a nullable reference (nullable beside allOf) into oneOf with null', () => {
    const document = normaliseDocument(
      documentWith({
        sponsor: { nullable: true, type: 'object', description: 'Who', allOf: [ref] },
        owner: { type: 'object', allOf: [ref] },
      }),
    );
    expect(props(document)['sponsor']).toEqual({
      description: 'Who',
      oneOf: [ref, { type: 'null' }],
    });
    expect(props(document)['owner']).toEqual({ allOf: [ref] });
  });

  it('adds null to the type and to the enum of a nullable enum', () => {
    const document = normaliseDocument(
      documentWith({ template: { type: 'string', enum: ['a3', 'dmaic'], nullable: true } }),
    );
    expect(props(document)['template']).toEqual({
      type: ['string', 'null'],
      enum: ['a3', 'dmaic', null],
    });
  });

  it('bounds every string, array and integer that states no bound', () => {
    const document = normaliseDocument(
      documentWith({
        id: { type: 'string', format: 'uuid' },
        title: { type: 'string', maxLength: 200 },
        text: { type: 'string', nullable: true },
        ids: { type: 'array', items: { type: 'string', format: 'uuid' } },
        count: { type: 'integer', minimum: 0 },
      }),
    );
    expect(props(document)).toEqual({
      id: { type: 'string', format: 'uuid', maxLength: 36 },
      title: { type: 'string', maxLength: 200 },
      text: { type: ['string', 'null'], maxLength: DEFAULT_LIMITS.stringMaxLength },
      ids: {
        type: 'array',
        maxItems: DEFAULT_LIMITS.arrayMaxItems,
        items: { type: 'string', format: 'uuid', maxLength: 36 },
      },
      count: {
        type: 'integer',
        format: 'int32',
        minimum: 0,
        maximum: DEFAULT_LIMITS.int32.maximum,
      },
    });
  });

  it('declares the cookie and bearer schemes; public operations need neither', () => {
    const signedIn = normaliseDocument(documentWith({}, { 'x-waypoint-permission': 'users.read' }));
    expect(Object.keys(signedIn.components?.securitySchemes ?? {})).toEqual(['session', 'token']);
    const operation = signedIn.paths['/api/things']?.get;
    expect(operation?.security).toEqual([{ session: [] }, { token: [] }]);
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '403', '500', '503']);
    expect(operation?.responses['503']).toMatchObject({
      headers: { 'Retry-After': expect.any(Object) },
    });
    const open = normaliseDocument(documentWith({}, { 'x-waypoint-public': true }));
    expect(open.paths['/api/things']?.get?.security).toEqual([]);
    expect(open.paths['/api/things']?.get?.responses['403']).toBeUndefined();
  });
});
