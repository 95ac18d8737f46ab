/**
 * Works around a defect of @electric-sql/pglite-socket 0.2.x (electric-sql/pglite#1046): its
 * queue runs the protocol messages of all connections one by one on the single PGlite session,
 * keeping a connection's messages together only inside a transaction block. An extended-query
 * batch (Parse, Bind, Describe, Execute, Sync) is not in a block between its messages, so two
 * connections' batches interleave: one Binds the other's unnamed statement, which fails
 * ("unnamed prepared statement does not exist") or, worse, runs the other's query and answers
 * with its rows. Holding a connection's extended-query messages back until its Sync (or Flush)
 * and queueing them as one item makes every batch run as a unit.
 */

/** The part of pglite-socket's (private) query queue this relies on. */
export interface MessageQueue {
  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
}

const PARSE = 0x50;
const BIND = 0x42;
const DESCRIBE = 0x44;
const EXECUTE = 0x45;
const CLOSE = 0x43;
const SYNC = 0x53;
const FLUSH = 0x48;
const HELD_BACK = new Set([PARSE, BIND, DESCRIBE, EXECUTE, CLOSE]);
const ENDS_BATCH = new Set([SYNC, FLUSH]);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Makes the queue take each connection's extended-query batch as one item. */
export function groupExtendedQueryMessages(queue: MessageQueue): void {
  const held = new Map<number, Uint8Array[]>();
  const enqueue = queue.enqueue.bind(queue);
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.enqueue = async (handlerId, message, onData) => {
    const type = message[0] ?? 0;
    if (HELD_BACK.has(type)) {
      const batch = held.get(handlerId) ?? [];
      batch.push(message);
      held.set(handlerId, batch);
      return 0;
    }
    const batch = held.get(handlerId);
    if (!batch) return enqueue(handlerId, message, onData);
    held.delete(handlerId);
    if (ENDS_BATCH.has(type)) return enqueue(handlerId, concat([...batch, message]), onData);
    // Anything else (Terminate, a simple Query): the batch first, then the message on its own.
    await enqueue(handlerId, concat(batch), onData);
    return enqueue(handlerId, message, onData);
  };
  queue.clearQueueForHandler = (handlerId) => {
    held.delete(handlerId);
    clear(handlerId);
  };
}

/** The query queue of a PGLiteSocketServer (a private field), checked to have the expected shape. */
export function queueOf(server: object): MessageQueue {
  const queue = (server as { queryQueue?: Partial<MessageQueue> }).queryQueue;
  if (typeof queue?.enqueue !== 'function' || typeof queue.clearQueueForHandler !== 'function') {
    throw new Error('pglite-socket changed: its query queue is not where Waypoint expects it');
  }
  return queue as MessageQueue;
}
