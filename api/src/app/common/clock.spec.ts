import { atStoryTime, clockNow } from './clock';

describe('clockNow', () => {
  it('is the wall clock outside a story', () => {
    const before = Date.now();
    const now = clockNow().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('is the story time inside atStoryTime, across awaits, and the wall clock again after', async () => {
    const at = new Date('2030-04-15T09:30:00Z');
    const seen = await atStoryTime(at, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return clockNow().toISOString();
    });
    expect(seen).toBe('2030-04-15T09:30:00.000Z');
    expect(clockNow().getUTCFullYear()).not.toBe(2030);
  });
});
