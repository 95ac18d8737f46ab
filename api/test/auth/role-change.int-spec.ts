import type { Session } from '../support/auth';
import { decide, submittedGate } from '../factories/gates';
import { etag, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

interface UpdatedUser {
  role: string;
  version: number;
  affectedSponsorships: Array<{ id: string; title: string }>;
}

/** Issue 16, finding 1: rights that come from a relation follow the role the relation presumes. */
describe('a change of role: sponsor rights end with the executive role', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const tokenOf = async (session: Session): Promise<Session> => {
    const created = await send<{ token: string }>(t, session, 'POST', '/api/auth/tokens', {
      name: 'Scripts',
    });
    expect(created.status).toBe(201);
    return { user: session.user, headers: { Authorization: `Bearer ${created.body.token}` } };
  };
  const userVersion = async (id: string): Promise<number> =>
    (await send<{ version: number }>(t, cast.admin, 'GET', `/api/users/${id}`)).body.version;
  const changeRole = async (id: string, role: string) =>
    send<UpdatedUser>(
      t,
      cast.admin,
      'PATCH',
      `/api/users/${id}`,
      { role },
      etag(await userVersion(id)),
    );
  const initiative = (id: string) =>
    send<{ needsSponsor: boolean; version: number; sponsor: { id: string } | null }>(
      t,
      cast.admin,
      'GET',
      `/api/initiatives/${id}`,
    );

  it('a demoted executive can no longer decide a gate (token) nor stop an initiative (session)', async () => {
    const sponsor = await t.signIn('executive', { displayName: 'Dee Demoted' });
    const token = await tokenOf(sponsor);
    const gate = await submittedGate(t, cast, { sponsorId: sponsor.user.id });
    const other = await submittedGate(t, cast, { sponsorId: sponsor.user.id });
    expect((await initiative(gate.initiativeId)).body.needsSponsor).toBe(false);

    const demoted = await changeRole(sponsor.user.id, 'member');
    expect(demoted.status).toBe(200);
    expect(demoted.body.role).toBe('member');
    expect(demoted.body.affectedSponsorships.map((i) => i.id).sort()).toEqual(
      [gate.initiativeId, other.initiativeId].sort(),
    );

    const byToken = await decide(t, token, gate.milestoneIds[0] ?? '', { outcome: 'go' });
    expect(byToken.status).toBe(403);
    const stop = await send(
      t,
      sponsor,
      'POST',
      `/api/initiatives/${other.initiativeId}/transitions`,
      { to: 'stopped', note: 'No longer needed.' },
      { 'If-Match': `"${(await initiative(other.initiativeId)).body.version}"` },
    );
    expect(stop.status).toBe(403);
    // Neither can they read the initiative through the sponsorship any more.
    expect((await send(t, sponsor, 'GET', `/api/initiatives/${gate.initiativeId}`)).status).toBe(
      403,
    );
    // ... nor find it in their list: the list says what the detail says.
    const listed = await send<{ items: { id: string }[] }>(t, sponsor, 'GET', '/api/initiatives');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i) => i.id)).not.toContain(gate.initiativeId);
    expect(listed.body.items.map((i) => i.id)).not.toContain(other.initiativeId);
  });

  it('flags the initiatives as needing a sponsor until another is chosen', async () => {
    const sponsor = await t.signIn('executive');
    const gate = await submittedGate(t, cast, { sponsorId: sponsor.user.id });
    const unrelated = await submittedGate(t, cast);

    const renamed = await send<UpdatedUser>(
      t,
      cast.admin,
      'PATCH',
      `/api/users/${sponsor.user.id}`,
      { displayName: 'Still Executive' },
      etag(await userVersion(sponsor.user.id)),
    );
    expect(renamed.body.affectedSponsorships).toEqual([]);
    expect((await changeRole(sponsor.user.id, 'manager')).body.affectedSponsorships).toHaveLength(
      1,
    );

    const flagged = await initiative(gate.initiativeId);
    expect(flagged.body.needsSponsor).toBe(true);
    expect((await initiative(unrelated.initiativeId)).body.needsSponsor).toBe(false);
    const list = await send<{ items: Array<{ id: string; needsSponsor: boolean }> }>(
      t,
      cast.admin,
      'GET',
      `/api/initiatives?sponsorId=${sponsor.user.id}`,
    );
    expect(list.body.items.find((i) => i.id === gate.initiativeId)?.needsSponsor).toBe(true);

    const chosen = await send<{ needsSponsor: boolean }>(
      t,
      cast.admin,
      'PATCH',
      `/api/initiatives/${gate.initiativeId}`,
      { sponsorId: cast.executive.user.id },
      etag(flagged.body.version),
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body.needsSponsor).toBe(false);
    expect((await initiative(gate.initiativeId)).body.needsSponsor).toBe(false);
  });
});
