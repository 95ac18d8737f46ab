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

  it('answers 404 to a member for an unknown id', async () => {
    for (const path of [`/api/initiatives/${randomUUID()}`, `/api/milestones/${randomUUID()}`]) {
      const res = await send<{ status: number; detail: string }>(t, cast.member, 'GET', path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.detail).toMatch(/^No such (initiative|milestone)\.$/);
    }
  });

  it('answers 400 naming the id to a member for something that is not an id', async () => {
    for (const path of ['/api/initiatives/not-an-id', '/api/milestones/not-an-id']) {
      const res = await send<{ errors: Record<string, string[]> }>(t, cast.member, 'GET', path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.errors['id']).toEqual([expect.stringMatching(/uuid/i)]);
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
