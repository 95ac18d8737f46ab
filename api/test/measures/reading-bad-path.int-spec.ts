import { fieldErrors, send } from '../support/http';
import { INITIATIVE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

/**
 * Regression (contract fuzz, seed 1): an admin recording a correction at a measure path that is
 * not an id got 500; bad input is a 400 problem naming the field, whatever the body says.
 */
describe('POST /api/measures/:id/readings with a path that is not an id', () => {
  const t = useTestApp({ people: INITIATIVE_PEOPLE });
  const c = t.people;

  it('answers 400 for the path, with or without supersedesId, for every role', async () => {
    const body = {
      value: -999999999999.9996,
      observedAt: '2020-01-01T00:00:00.001Z',
      note: 'a:w(',
      supersedesId: '00000012-0019-4000-9d0b-c100fffffffb',
    };
    for (const session of [c.admin, c.owner]) {
      for (const sent of [body, { value: 1, observedAt: '2020-01-01T00:00:00.001Z' }]) {
        const res = await send(t, session, 'POST', '/api/measures/null/readings', sent);
        expect([session.user.role, res.status]).toEqual([session.user.role, 400]);
        expect(fieldErrors(res)).toContain('id');
      }
    }
  });
});
