import { randomUUID } from 'node:crypto';
import { initiativeFor } from '../factories/gates';
import { send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

// Issue 15: a member who opens a missing initiative is told it does not exist, not that their
// role gives no access; a real initiative they are not on stays forbidden.
describe('not found before not allowed', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  it.each([
    ['an unknown id', () => randomUUID()],
    ['something that is not an id', () => 'not-an-id'],
  ])('answers 404 to a member for %s', async (_label, id) => {
    for (const path of [`/api/initiatives/${id()}`, `/api/milestones/${id()}`]) {
      const res = await send<{ status: number; detail: string }>(t, cast.member, 'GET', path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.detail).toMatch(/^No such (initiative|milestone)\.$/);
    }
  });

  it('still forbids a member an initiative they are not on, and lets the team in', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const res = await send(t, cast.outsider, 'GET', `/api/initiatives/${initiativeId}`);
    expect(res.status).toBe(403);
    const own = await send(t, cast.member, 'GET', `/api/initiatives/${initiativeId}`);
    expect(own.status).toBe(200);
  });
});
