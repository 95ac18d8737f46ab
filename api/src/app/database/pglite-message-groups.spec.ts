import { groupExtendedQueryMessages, type MessageQueue } from './pglite-message-groups';

const msg = (type: string, body = ''): Uint8Array => Buffer.from(`${type}${body}`, 'latin1');
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

function fakeQueue(): MessageQueue & { items: [number, string][]; cleared: number[] } {
  const items: [number, string][] = [];
  const cleared: number[] = [];
  return {
    items,
    cleared,
    enqueue: (handlerId, message) => {
      items.push([handlerId, text(message)]);
      return Promise.resolve(message.length);
    },
    clearQueueForHandler: (handlerId) => {
      cleared.push(handlerId);
    },
  };
}

describe('grouping extended-query messages per connection (pglite#1046)', () => {
  it('queues Parse..Sync of one connection as one item, even when connections interleave', async () => {
    const queue = fakeQueue();
    groupExtendedQueryMessages(queue);
    const noop = (): void => undefined;
    await queue.enqueue(1, msg('P', 'a'), noop);
    await queue.enqueue(2, msg('P', 'b'), noop);
    await queue.enqueue(1, msg('B', 'a'), noop);
    await queue.enqueue(2, msg('B', 'b'), noop);
    await queue.enqueue(1, msg('E', 'a'), noop);
    await queue.enqueue(2, msg('D', 'b'), noop);
    expect(queue.items).toEqual([]);
    await queue.enqueue(2, msg('E', 'b'), noop);
    await queue.enqueue(2, msg('S'), noop);
    await queue.enqueue(1, msg('S'), noop);
    expect(queue.items).toEqual([
      [2, 'PbBbDbEbS'],
      [1, 'PaBaEaS'],
    ]);
  });

  it('passes simple queries and start-up messages through, after any held batch', async () => {
    const queue = fakeQueue();
    groupExtendedQueryMessages(queue);
    const noop = (): void => undefined;
    await queue.enqueue(1, msg('Q', 'select 1'), noop);
    await queue.enqueue(1, new Uint8Array([0, 0, 0, 8, 0, 3, 0, 0]), noop);
    await queue.enqueue(1, msg('P', 'x'), noop);
    await queue.enqueue(1, msg('X'), noop);
    expect(queue.items.map(([, m]) => m)).toEqual([
      'Qselect 1',
      '\u0000\u0000\u0000\b\u0000\u0003\u0000\u0000',
      'Px',
      'X',
    ]);
  });

  it('forgets what a disconnected connection held', async () => {
    const queue = fakeQueue();
    groupExtendedQueryMessages(queue);
    const noop = (): void => undefined;
    await queue.enqueue(3, msg('P', 'x'), noop);
    queue.clearQueueForHandler(3);
    await queue.enqueue(3, msg('S'), noop);
    expect(queue.items).toEqual([[3, 'S']]);
    expect(queue.cleared).toEqual([3]);
  });
});
