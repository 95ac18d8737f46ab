import { signIn, type Session } from '../support/auth';
import { send } from '../support/http';
import { Contract, type OpenApiDocument, PROBLEM_TYPE } from './contract';
import { useTestApp } from '../support/use-test-app';

/** Regressions for what the contract fuzzer found. */
describe('bad input found by the contract fuzzer', () => {
  const t = useTestApp();
  let admin: Session;

  beforeAll(async () => {
    admin = await signIn(t, 'admin');
  });

  const nested = (depth: number, arrays: boolean): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  };

  it.each([
    ['objects', false],
    ['arrays', true],
  ])('answers a body of 2,000 nested %s with 400, not 500', async (_label, arrays) => {
    const res = await send(t, admin, 'POST', '/api/departments', nested(2_000, arrays));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body['detail']).toMatch(/JSON object|nests deeper/);
  });

  it.each([
    ['/api/departments', { name: 'Ops\u0000' }, 'name'],
    [
      '/api/customer-groups',
      { name: 'a\u0000b', intent: 'grow', description: 'fine', protected: false },
      'name',
    ],
  ])(
    'refuses NUL in a text field of POST %s with a field error, not 500',
    async (path, body, field) => {
      const res = await send(t, admin, 'POST', path, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body['errors']).toEqual({ [field]: ['must not contain NUL characters'] });
    },
  );

  it('refuses NUL in a query parameter with 400, not 500', async () => {
    const res = await send(t, admin, 'GET', '/api/initiatives?q=a%00b');
    expect(res.status).toBe(400);
    expect(res.body['errors']).toEqual({ q: ['must not contain NUL characters'] });
  });

  it('refuses a body nested deeper than 32 levels and names the limit', async () => {
    const res = await send(t, admin, 'POST', '/api/departments', {
      name: 'Deep',
      extra: nested(40, false),
    });
    expect(res.status).toBe(400);
    expect(res.body['detail']).toBe('The request body nests deeper than 32 levels.');
    const count = await t.sql.query(`SELECT 1 FROM departments WHERE name = 'Deep'`);
    expect(count.rowCount).toBe(0);
  });

  it.each([[[]], ['name'], [42], [null]])(
    'answers a body that is not an object (%j) with 400',
    async (body) => {
      const res = await send(t, admin, 'POST', '/api/departments', body);
      expect(res.status).toBe(400);
      expect(res.body['detail']).toBe('The request body must be a JSON object.');
    },
  );

  it('answers an over-long path parameter with 400 problem details, not Fastify JSON 414', async () => {
    const res = await send(t, admin, 'GET', `/api/departments/${'x'.repeat(3_000)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(res.headers.get('x-request-id')).toBe(res.body['requestId']);
  });

  describe('the OpenAPI document', () => {
    let contract: Contract;

    beforeAll(async () => {
      const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as OpenApiDocument;
      contract = new Contract(doc);
    });

    it('documents every error answer as application/problem+json', () => {
      const wrong = contract.operations.flatMap((op) =>
        [...op.answers.entries()]
          .filter(([status, a]) => status >= 400 && a.mediaTypes.join() !== PROBLEM_TYPE)
          .map(([status]) => `${op.key} ${status}`),
      );
      expect(wrong).toEqual([]);
    });

    it('documents 401 everywhere, and 400, 413 and 415 wherever a body can be sent', () => {
      const missing = contract.operations.flatMap((op) =>
        [401, ...(op.method === 'GET' ? [] : [400, 413, 415])]
          .filter((status) => !op.answers.has(status))
          .map((status) => `${op.key} ${status}`),
      );
      expect(missing).toEqual([]);
    });

    it('documents 412 and 428 wherever If-Match is required', () => {
      const missing = contract.operations
        .filter((op) => op.parameters.some((p) => p.name === 'If-Match' && p.required))
        .flatMap((op) => [412, 428].filter((s) => !op.answers.has(s)).map((s) => `${op.key} ${s}`));
      expect(missing).toEqual([]);
      const patchUser = contract.operations.find((op) => op.key === 'PATCH /api/users/{id}');
      expect(patchUser?.answers.has(428)).toBe(true);
    });

    it("documents an initiative's readiness as the initiative answer carries it", async () => {
      const created = await send(t, admin, 'POST', '/api/initiatives', {
        title: 'Readiness in the contract',
        approach: 'engineering',
        readiness: { score: 3, notes: 'ready' },
      });
      expect(created.status).toBe(201);
      const answer = contract.operations.find((op) => op.key === 'POST /api/initiatives');
      const validate = answer?.answers.get(201)?.validate;
      expect(validate?.(created.body)).toBe(true);
      expect(validate?.({ ...created.body, readiness: { status: 'ok' } })).toBe(false);
    });
  });
});
