import { DatabaseError } from 'pg';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { isDatabaseBusy, isDatabaseUnavailable } from './database-unavailable';

function pgError(code: string, message = 'server said no'): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

const socketError = (code: string): Error =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'pg_terminate_backend (57P01) wrapped by TypeORM',
      new QueryFailedError('SELECT 1', [], pgError('57P01')),
    ],
    ['the server shutting down (57P03)', pgError('57P03', 'the database system is shutting down')],
    ['a connection exception of class 08', pgError('08006')],
    ['too many connections', pgError('53300')],
    ['a statement timeout', pgError('57014')],
    ['a deadlock', pgError('40P01')],
    ['connection refused', socketError('ECONNREFUSED')],
    ['a reset socket', socketError('ECONNRESET')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['the pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['the client-side query timeout', new Error('Query read timeout')],
    ['a pool closed by shutdown', new Error('Cannot use a pool after calling end on the pool')],
    [
      'an AggregateError of refused addresses',
      new AggregateError([socketError('ECONNREFUSED')], 'x'),
    ],
    [
      'a transaction whose connection died between two queries',
      new QueryRunnerAlreadyReleasedError(),
    ],
    [
      'an entity manager whose transaction connection died',
      new QueryRunnerProviderAlreadyReleasedError(),
    ],
    ['a cause chain', new Error('outer', { cause: socketError('ETIMEDOUT') })],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a syntax error', pgError('42601')],
    ['a check violation', pgError('23514')],
    ['an ordinary bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'Connection terminated'],
    ['null', null],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('isDatabaseBusy', () => {
  it.each([
    ['the pool wait for a free connection', new Error('timeout exceeded when trying to connect')],
    [
      'a statement timeout wrapped by TypeORM',
      new QueryFailedError('SELECT', [], pgError('57014')),
    ],
    ['a deadlock', pgError('40P01')],
    ['a serialization failure', pgError('40001')],
    ['a lock timeout', pgError('55P03')],
    ['too many connections', pgError('53300')],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['connection refused', socketError('ECONNREFUSED')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    [
      'a new connection that did not connect in time',
      new Error('Connection terminated due to connection timeout'),
    ],
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['null', null],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseBusy(error)).toBe(false);
  });
});
