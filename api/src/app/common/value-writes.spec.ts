import { ValueWrites, type ValueWriteListener } from './value-writes';

describe('ValueWrites', () => {
  function recorder(log: string[], name: string): ValueWriteListener {
    return {
      initiativesChanged: async (ids) => {
        log.push(`${name}:${ids.join(',')}`);
      },
      cyclesChanged: async () => {
        log.push(`${name}:cycles`);
      },
      readingsCommitted: async (ids) => {
        log.push(`${name}:committed ${ids.join(',')}`);
      },
    };
  }

  it('tells every listener, in registration order, each initiative once', async () => {
    const log: string[] = [];
    const writes = new ValueWrites();
    writes.register(recorder(log, 'standings'));
    writes.register(recorder(log, 'alerts'));
    await writes.initiativesChanged(['i-1', 'i-2', 'i-1']);
    await writes.initiativesChanged([]);
    await writes.cyclesChanged();
    await writes.readingsCommitted(['i-3', 'i-3']);
    await writes.readingsCommitted([]);
    expect(log).toEqual([
      'standings:i-1,i-2',
      'alerts:i-1,i-2',
      'standings:cycles',
      'alerts:cycles',
      'standings:committed i-3',
      'alerts:committed i-3',
    ]);
  });

  it('lets a listener’s failure reach the writer, so its transaction rolls back', async () => {
    const writes = new ValueWrites();
    writes.register({
      initiativesChanged: async () => {
        throw new Error('refresh failed');
      },
      cyclesChanged: async () => undefined,
      readingsCommitted: async () => undefined,
    });
    await expect(writes.initiativesChanged(['i-1'])).rejects.toThrow('refresh failed');
  });
});
