import { useTestApp } from '../support/use-test-app';

/** Finding 5 of issue 16: JSON endpoints take JSON bodies only. */
describe('request body types', () => {
  const t = useTestApp();

  it.each([
    ['application/x-www-form-urlencoded', 'name=Form+Made'],
    ['text/plain', '{"name":"Plain Made"}'],
  ])('refuses %s with 415 problem details', async (type, body) => {
    const admin = await t.signIn('admin');
    const res = await fetch(`${t.baseUrl}/api/departments`, {
      method: 'POST',
      headers: { ...admin.headers, 'Content-Type': type },
      body,
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 415 });
    const made = await t.sql.query(`SELECT 1 FROM departments WHERE name LIKE '%Made'`);
    expect(made.rowCount).toBe(0);
  });

  it('still takes application/json (with a charset)', async () => {
    const admin = await t.signIn('admin');
    const res = await fetch(`${t.baseUrl}/api/departments`, {
      method: 'POST',
      headers: { ...admin.headers, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ name: 'Json Department' }),
    });
    expect(res.status).toBe(201);
  });
});
