import { InitiativeBusyError, InitiativeTurns } from './initiative-turns';

function gate(): { open: () => void; opened: Promise<void> } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('InitiativeTurns', () => {
  it('runs the writes of one initiative one at a time, in arrival order', async () => {
    const turns = new InitiativeTurns();
    const log: string[] = [];
    const first = gate();
    const a = turns.inTurn('i-1', async () => {
      log.push('a starts');
      await first.opened;
      log.push('a ends');
      return 'a';
    });
    const b = turns.inTurn('i-1', async () => {
      log.push('b starts');
      return 'b';
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a starts']);
    first.open();
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.size).toBe(0);
  });

  it('lets the writes of other initiatives go meanwhile', async () => {
    const turns = new InitiativeTurns();
    const first = gate();
    const a = turns.inTurn('i-1', () => first.opened.then(() => 'a'));
    await expect(turns.inTurn('i-2', async () => 'other')).resolves.toBe('other');
    first.open();
    await expect(a).resolves.toBe('a');
  });

  it('passes the turn on when a write fails', async () => {
    const turns = new InitiativeTurns();
    const failed = turns.inTurn('i-1', async () => {
      throw new Error('rule refused');
    });
    await expect(failed).rejects.toThrow('rule refused');
    await expect(turns.inTurn('i-1', async () => 'next')).resolves.toBe('next');
  });

  it('gives up with InitiativeBusyError after waitMs, without running the write', async () => {
    const turns = new InitiativeTurns();
    turns.waitMs = 20;
    const first = gate();
    const a = turns.inTurn('i-1', () => first.opened);
    const work = jest.fn(async () => 'late');
    await expect(turns.inTurn('i-1', work)).rejects.toBeInstanceOf(InitiativeBusyError);
    expect(work).not.toHaveBeenCalled();
    // The one after still waits for the first, which is still writing.
    turns.waitMs = 1000;
    let third = false;
    const c = turns.inTurn('i-1', async () => {
      third = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(third).toBe(false);
    first.open();
    await Promise.all([a, c]);
    expect(third).toBe(true);
  });
});
