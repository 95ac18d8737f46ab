import { BadRequestException, HttpException } from '@nestjs/common';
import { etagFor, parseIfMatch, versionOf } from './etag';

function statusOf(header: string | string[] | undefined): number {
  try {
    parseIfMatch(header);
    return 0;
  } catch (error) {
    return error instanceof HttpException ? error.getStatus() : -1;
  }
}

describe('If-Match parsing', () => {
  it.each([
    ['"1"', 1],
    ['"42"', 42],
    [' "7" ', 7],
    ['"2147483647"', 2147483647],
  ])('%s expects version %d', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each([[undefined], [''], ['   ']])('a missing header (%p) is 428', (header) => {
    expect(statusOf(header)).toBe(428);
  });

  it.each([
    ['*'],
    ['3'],
    ['W/"3"'],
    ['"3", "4"'],
    ['"0"'],
    ['"-1"'],
    ['"03"'],
    ['"1.5"'],
    ['"abc"'],
    ['"2147483648"'],
    ['"99999999999999999999"'],
    ['"3'],
  ])('%s is malformed: 400', (header) => {
    expect(statusOf(header)).toBe(400);
  });

  it('refuses a repeated header', () => {
    expect(() => parseIfMatch(['"1"', '"2"'])).toThrow(BadRequestException);
  });
});

describe('ETags', () => {
  it('is the version in quotes (strong)', () => {
    expect(etagFor(5)).toBe('"5"');
    expect(parseIfMatch(etagFor(5))).toBe(5);
  });

  it.each([
    [{ id: 'a', version: 3 }, 3],
    [{ version: '3' }, null],
    [{ version: 1.5 }, null],
    [{ version: 0 }, null],
    [{ items: [], total: 0 }, null],
    [[{ version: 1 }], null],
    [null, null],
    ['text', null],
  ])('versionOf(%p) is %p', (body, version) => {
    expect(versionOf(body)).toBe(version);
  });
});
