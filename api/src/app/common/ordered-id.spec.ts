import { orderedUuid } from './ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('orderedUuid', () => {
  it('is a version 7 UUID that carries the milliseconds', () => {
    const id = orderedUuid(Date.UTC(2030, 0, 1));
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(
      Date.UTC(2030, 0, 1),
    );
  });

  it('sorts in the order made, also within one millisecond and when the clock steps back', () => {
    const now = Date.UTC(2031, 5, 1);
    const ids = [
      orderedUuid(now),
      orderedUuid(now),
      orderedUuid(now),
      orderedUuid(now - 50),
      orderedUuid(now + 1),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(UUID_V7));
  });

  it('stays ordered past 4096 ids in one millisecond', () => {
    const now = Date.UTC(2032, 0, 1);
    const ids = Array.from({ length: 5000 }, () => orderedUuid(now));
    expect([...ids].sort()).toEqual(ids);
  });
});
