import { BadRequestException } from '@nestjs/common';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('Idempotency-Key validation', () => {
  it.each([
    ['a'],
    ['3f1c1c9e-5b6a-4c1e-9d0a-1b2c3d4e5f60'],
    ['order:2026-01-31.retry_2'],
    ['x'.repeat(255)],
  ])('accepts %s', (key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });

  it('a request without a key is not idempotent', () => {
    expect(parseIdempotencyKey(undefined)).toBeNull();
  });

  it.each([[''], ['x'.repeat(256)], ['has space'], ['slash/no'], ['ümlaut'], ['a,b'], ['"q"']])(
    'refuses %p with 400',
    (key) => {
      expect(() => parseIdempotencyKey(key)).toThrow(BadRequestException);
    },
  );

  it('refuses a repeated header', () => {
    expect(() => parseIdempotencyKey(['a', 'b'])).toThrow(BadRequestException);
  });
});

describe('request fingerprint', () => {
  it('ignores key order and whitespace of the body', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestFingerprint('POST', '/api/departments', { name: 'IT', x: 1 })).toBe(
      requestFingerprint('post', '/api/departments', { x: 1, name: 'IT' }),
    );
  });

  it('differs by method, path and body', () => {
    const base = requestFingerprint('POST', '/api/departments', { name: 'IT' });
    expect(requestFingerprint('PUT', '/api/departments', { name: 'IT' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/customer-groups', { name: 'IT' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/departments', { name: 'it' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/departments', { name: 'IT', extra: true })).not.toBe(
      base,
    );
    expect(requestFingerprint('POST', '/api/departments', ['IT'])).not.toBe(base);
  });

  it('treats a missing body like null, and is a sha-256 hex digest', () => {
    expect(requestFingerprint('POST', '/p', undefined)).toBe(
      requestFingerprint('POST', '/p', null),
    );
    expect(requestFingerprint('POST', '/p', {})).toMatch(/^[0-9a-f]{64}$/);
  });
});
