import { fieldsWithNul, nestsDeeperThan } from './validation';

describe('nestsDeeperThan', () => {
  const nested = (depth: number, arrays: boolean): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  };

  it.each([
    [0, 1, false],
    [1, 1, false],
    [2, 1, true],
    [32, 32, false],
    [33, 32, true],
  ])('a value of %d levels against a limit of %d: %s', (depth, limit, deeper) => {
    expect(nestsDeeperThan(nested(depth, false), limit)).toBe(deeper);
    expect(nestsDeeperThan(nested(depth, true), limit)).toBe(deeper);
  });

  it('finds the deep branch beside shallow ones', () => {
    expect(nestsDeeperThan({ a: 1, b: [2, 3], c: nested(40, false) }, 32)).toBe(true);
    expect(nestsDeeperThan({ a: 1, b: [2, 3], c: nested(10, true) }, 32)).toBe(false);
  });

  it('walks 100,000 levels without exhausting the stack', () => {
    expect(nestsDeeperThan(nested(100_000, true), 32)).toBe(true);
  });
});

describe('fieldsWithNul', () => {
  it.each([
    [{ name: 'plain', tags: ['a', 'b'] }, []],
    [{ name: 'a\u0000b' }, ['name']],
    [{ nested: { list: ['ok', '\u0000'] }, other: 'x\u0000' }, ['nested.list.1', 'other']],
    ['\u0000', ['value']],
    [null, []],
    [undefined, []],
    [{ count: 0, flag: false }, []],
  ])('%j -> %j', (value, expected) => {
    expect(fieldsWithNul(value)).toEqual(expected);
  });
});
