import type { Page } from '@waypoint/contracts';
import { PagedList } from './paged-list';

/** A list of `total` numbers served a page at a time, recording what was asked. */
function served(total: number) {
  const asked: Array<{ limit: number; offset: number }> = [];
  const fetch = async (page: { limit: number; offset: number }): Promise<Page<number>> => {
    asked.push(page);
    const items = Array.from(
      { length: Math.max(0, Math.min(page.limit, total - page.offset)) },
      (_, i) => page.offset + i,
    );
    return { items, total, limit: page.limit, offset: page.offset };
  };
  return { asked, fetch };
}

describe('PagedList', () => {
  it('reads the first page, then the next ones on demand, up to the total', async () => {
    const server = served(25);
    const list = new PagedList(server.fetch, 10);
    await list.reload();
    expect(list.items()).toHaveLength(10);
    expect(list.remaining()).toBe(15);
    await list.loadMore();
    await list.loadMore();
    expect(list.items()).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(list.hasMore()).toBe(false);
  });

  it('reloads as many items as were shown, and restarts from the first page', async () => {
    const server = served(25);
    const list = new PagedList(server.fetch, 10);
    await list.reload();
    await list.loadMore();
    server.asked.length = 0;
    await list.reload();
    expect(server.asked).toEqual([
      { limit: 10, offset: 0 },
      { limit: 10, offset: 10 },
    ]);
    expect(list.items()).toHaveLength(20);
    await list.restart();
    expect(list.items()).toHaveLength(10);
  });

  it('drops an answer that arrives after a newer start', async () => {
    let release: (page: Page<string>) => void = () => undefined;
    const slow = new Promise<Page<string>>((resolve) => (release = resolve));
    let calls = 0;
    const list = new PagedList<string>(
      () =>
        ++calls === 1 ? slow : Promise.resolve({ items: ['new'], total: 1, limit: 10, offset: 0 }),
      10,
    );
    const first = list.reload();
    await list.restart();
    release({ items: ['old'], total: 1, limit: 10, offset: 0 });
    await first;
    expect(list.items()).toEqual(['new']);
  });

  it('keeps the error of a failed page and what was loaded before', async () => {
    const list = new PagedList<number>(async ({ offset }) => {
      if (offset > 0) throw new Error('offline');
      return { items: [1, 2], total: 4, limit: 2, offset };
    }, 2);
    await list.reload();
    await list.loadMore();
    expect(list.items()).toEqual([1, 2]);
    expect(list.error()).toEqual(new Error('offline'));
  });
});
