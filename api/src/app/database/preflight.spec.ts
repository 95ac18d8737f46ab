import { explainConnectionError } from './preflight';

const at = 'postgres://app@db:5432/waypoint';

describe('explainConnectionError', () => {
  it.each([
    ['ECONNREFUSED', /nothing answers at postgres:\/\/app@db:5432\/waypoint/],
    ['ENOTFOUND', /cannot resolve the database host/],
    ['28P01', /refused the login/],
    ['3D000', /does not exist: create it/],
    ['ETIMEDOUT', /did not answer in time/],
  ])('%s gives a message that says what to fix', (code, message) => {
    const text = explainConnectionError(Object.assign(new Error('x'), { code }), at);
    expect(text).toMatch(message);
    expect(text).toMatch(/DATABASE_URL|PostgreSQL/);
  });

  it('keeps only the first line of an unknown error', () => {
    const text = explainConnectionError(new Error('boom\n    at secret.js:1'), at);
    expect(text).toBe(`cannot connect to ${at} (boom): check DATABASE_URL`);
  });
});
