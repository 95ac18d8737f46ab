import type { InitiativeResponse } from '@waypoint/contracts';
import { initiativeFor, milestoneAt } from '../factories/gates';
import { inboxOf } from '../factories/notifications';
import type { Session } from '../support/auth';
import { etag, send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('the sponsor answers a proposed plan: the owner and the team hear it, with the reason', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  async function move(session: Session, id: string, body: Record<string, unknown>) {
    const current = await send<InitiativeResponse>(t, session, 'GET', `/api/initiatives/${id}`);
    return send<InitiativeResponse>(
      t,
      session,
      'POST',
      `/api/initiatives/${id}/transitions`,
      body,
      etag(current.body.version),
    );
  }

  async function proposedPlan(): Promise<string> {
    const id = await initiativeFor(t, cast, { status: 'proposed', title: 'Faster refunds' });
    await milestoneAt(t, id, 1);
    return id;
  }

  it('sent back for rework: the reason reaches the owner and the team, not the sponsor', async () => {
    const id = await proposedPlan();
    const answer = await move(cast.sponsor, id, {
      to: 'draft',
      note: 'Add a counter-measure for the cost per contact.',
    });
    expect(answer.status).toBe(200);
    const [note] = await inboxOf(t, cast.owner, id, 'plan_reviewed');
    expect(note).toMatchObject({
      title: 'Plan sent back for rework: Faster refunds',
      body: 'Sam Sponsor sent the plan of "Faster refunds" back for rework. Reason: Add a counter-measure for the cost per contact.',
      link: `/initiatives/${id}`,
      readAt: null,
    });
    expect(await inboxOf(t, cast.member, id, 'plan_reviewed')).toHaveLength(1);
    expect(await inboxOf(t, cast.sponsor, id, 'plan_reviewed')).toHaveLength(0);
    expect(await inboxOf(t, cast.outsider, id, 'plan_reviewed')).toHaveLength(0);
  });

  it('accepted: the owner hears that work can start; an owner who withdraws tells nobody', async () => {
    const accepted = await proposedPlan();
    expect((await move(cast.sponsor, accepted, { to: 'active' })).status).toBe(200);
    const [note] = await inboxOf(t, cast.owner, accepted, 'plan_reviewed');
    expect(note?.title).toBe('Plan accepted: Faster refunds');
    expect(note?.body).toBe(
      'Sam Sponsor accepted the plan of "Faster refunds": work on the first milestone can start.',
    );

    const withdrawn = await proposedPlan();
    expect((await move(cast.owner, withdrawn, { to: 'draft', note: 'Not ready' })).status).toBe(
      200,
    );
    expect(await inboxOf(t, cast.member, withdrawn, 'plan_reviewed')).toHaveLength(0);
  });

  it('refuses a reason that is not text', async () => {
    const id = await proposedPlan();
    const wrong = await move(cast.sponsor, id, { to: 'draft', note: 42 });
    expect(wrong.status).toBe(400);
  });

  it('refuses to send a plan back without a reason, and keeps it proposed', async () => {
    const id = await proposedPlan();
    for (const body of [{ to: 'draft' }, { to: 'draft', note: '   ' }]) {
      const refused = await move(cast.sponsor, id, body);
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({
        code: 'initiative_transition_blocked',
        errors: { note: [expect.stringMatching(/Say why/)] },
      });
    }
    const still = await send<InitiativeResponse>(t, cast.sponsor, 'GET', `/api/initiatives/${id}`);
    expect(still.body.status).toBe('proposed');
    expect(await inboxOf(t, cast.owner, id, 'plan_reviewed')).toHaveLength(0);
  });
});
