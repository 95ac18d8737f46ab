import type { InitiativeResponse, InitiativeStatus } from '@waypoint/contracts';
import { INITIATIVE_STATUS_VALUES } from '@waypoint/contracts';
import { createInitiative, createMilestone } from '../factories/domain';
import { createUser } from '../factories/users';
import type { Session } from '../support/auth';
import { auditRows, detailOf, fieldErrors as fieldsOf, nothing, send } from '../support/http';
import { etagOf, person } from '../factories/initiatives';
import { useTestApp } from '../support/use-test-app';

/** DOMAIN.md: draft → proposed → active ⇄ on_hold → completed | stopped (and back to draft). */
const ALLOWED: Record<InitiativeStatus, InitiativeStatus[]> = {
  draft: ['proposed', 'stopped'],
  proposed: ['draft', 'active', 'stopped'],
  active: ['on_hold', 'completed', 'stopped'],
  on_hold: ['active', 'stopped'],
  completed: [],
  stopped: [],
};

describe('initiatives: status transitions', () => {
  const t = useTestApp();
  let owner: Session;
  let sponsor: Session;
  let teamMember: Session;
  let outsider: Session;
  let admin: Session;

  beforeAll(async () => {
    owner = await person(t, 'manager', 'Mona Manager');
    sponsor = await person(t, 'executive', 'Eve Executive');
    teamMember = await person(t, 'member', 'Max Member');
    outsider = await person(t, 'executive', 'Ezra Elsewhere');
    admin = await person(t, 'admin', 'Ada Admin');
  });

  /** An initiative in `status` with milestones in the given states (position order). */
  const seed = async (
    status: InitiativeStatus,
    milestones: string[] = ['approved'],
    sponsorId: string | null = sponsor.user.id,
  ): Promise<string> => {
    const id = await createInitiative(t.sql, {
      ownerId: owner.user.id,
      sponsorId,
      teamIds: [teamMember.user.id],
      status,
    });
    for (const [index, state] of milestones.entries()) {
      await createMilestone(t.sql, id, {
        position: index + 1,
        title: `M${index + 1}`,
        state,
        startedAt: state === 'planned' ? null : new Date('2026-01-01T00:00:00Z'),
      });
    }
    return id;
  };
  const move = (session: Session, id: string, body: unknown, ifMatch: string | null = '"1"') =>
    send<InitiativeResponse>(
      t,
      session,
      'POST',
      `/api/initiatives/${id}/transitions`,
      body,
      ifMatch === null ? {} : { 'If-Match': ifMatch },
    );

  it('allows exactly the moves of the lifecycle and names both statuses of a forbidden one', async () => {
    const failures: string[] = [];
    for (const from of INITIATIVE_STATUS_VALUES) {
      for (const to of INITIATIVE_STATUS_VALUES) {
        const id = await seed(from);
        const res = await move(admin, id, { to, note: 'Walking the lifecycle.' });
        const allowed = ALLOWED[from].includes(to);
        if (allowed && (res.status !== 200 || res.body.status !== to)) {
          failures.push(`${from} → ${to}: ${res.status} ${detailOf(res)}`);
        }
        if (
          !allowed &&
          (res.status !== 422 ||
            detailOf(res) !== `An initiative cannot go from "${from}" to "${to}".`)
        ) {
          failures.push(`${from} → ${to} should be refused: ${res.status} ${detailOf(res)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers the new state with its new ETag and audits the move with the note', async () => {
    const id = await seed('active', ['in_progress']);
    const res = await move(owner, id, { to: 'on_hold', note: 'Waiting for the budget.' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.body).toMatchObject({
      status: 'on_hold',
      version: 2,
      nextStatuses: ['active', 'stopped'],
    });
    expect(await auditRows(t, id)).toEqual([
      {
        action: 'transition',
        entity_type: 'initiative',
        before: { title: expect.any(String), status: 'active' },
        after: { title: expect.any(String), status: 'on_hold', note: 'Waiting for the budget.' },
      },
    ]);
    // Resuming leaves the milestone under way alone.
    const resumed = await move(sponsor, id, { to: 'active' }, '"2"');
    expect(resumed.status).toBe(200);
    expect(resumed.body.milestones[0]?.state).toBe('in_progress');
    expect((await auditRows(t, id)).map((a) => a.action)).toEqual(['transition', 'transition']);
  });

  it('proposing needs a milestone and an active executive sponsor, and names what is missing', async () => {
    const bare = await seed('draft', [], null);
    const res = await move(owner, bare, { to: 'proposed' });
    expect(res.status).toBe(422);
    expect(detailOf(res)).toBe(
      'The initiative cannot be proposed yet: it has no milestone: add at least one; ' +
        'it has no sponsor: choose an active executive as sponsor.',
    );
    const noSponsor = await seed('draft', ['planned'], null);
    expect(detailOf(await move(owner, noSponsor, { to: 'proposed' }))).toBe(
      'The initiative cannot be proposed yet: it has no sponsor: choose an active executive as sponsor.',
    );
    const noMilestone = await seed('draft', []);
    expect(detailOf(await move(owner, noMilestone, { to: 'proposed' }))).toBe(
      'The initiative cannot be proposed yet: it has no milestone: add at least one.',
    );
    const retired = await createUser(t.sql, { role: 'executive', active: false });
    const gone = await seed('draft', ['planned'], retired.id);
    expect(detailOf(await move(owner, gone, { to: 'proposed' }))).toBe(
      `The initiative cannot be proposed yet: the sponsor ${retired.id} is deactivated.`,
    );
    const ready = await seed('draft', ['planned']);
    const proposed = await move(owner, ready, { to: 'proposed' });
    expect(proposed.status).toBe(200);
    expect(proposed.body.status).toBe('proposed');
    const unchanged = await t.sql.query<{ status: string; version: number }>(
      `SELECT status, version FROM initiatives WHERE id = ANY($1::uuid[]) ORDER BY status`,
      [[bare, noSponsor, noMilestone, gone]],
    );
    expect(unchanged.rows.every((r) => r.status === 'draft' && r.version === 1)).toBe(true);
  });

  it('the owner proposes and the sponsor accepts; activating starts the first milestone', async () => {
    const id = await seed('draft', ['planned', 'planned']);
    expect((await move(sponsor, id, { to: 'proposed' })).status).toBe(403);
    expect((await move(owner, id, { to: 'proposed' })).status).toBe(200);
    const byOwner = await move(owner, id, { to: 'active' }, '"2"');
    expect(byOwner.status).toBe(403);
    expect(detailOf(byOwner)).toMatch(/Only the sponsor/);
    const accepted = await move(sponsor, id, { to: 'active' }, '"2"');
    expect(accepted.status).toBe(200);
    expect(accepted.body.milestones.map((m) => m.state)).toEqual(['in_progress', 'planned']);
    const started = await t.sql.query<{ state: string; started_at: Date | null; version: number }>(
      `SELECT state, started_at, version FROM milestones WHERE initiative_id = $1 ORDER BY position`,
      [id],
    );
    expect(started.rows[0]?.started_at).toBeInstanceOf(Date);
    expect(Date.now() - (started.rows[0]?.started_at?.getTime() ?? 0)).toBeLessThan(60_000);
    expect(started.rows[0]?.version).toBe(2);
    expect(started.rows[1]).toMatchObject({ state: 'planned', started_at: null, version: 1 });
    const audit = await auditRows(t, id);
    expect(audit.map((a) => `${a.entity_type}:${a.action}`)).toEqual([
      'initiative:transition',
      'initiative:transition',
      'milestone:start',
    ]);
    expect(audit[2]?.after).toMatchObject({ state: 'in_progress' });
    // The sponsor may also send a proposal back, and anyone of owner/sponsor may stop.
    const other = await seed('proposed', ['planned']);
    expect(
      (await move(sponsor, other, { to: 'draft', note: 'Name the customer group.' })).status,
    ).toBe(200);
    expect((await move(owner, other, { to: 'stopped' }, '"2"')).status).toBe(200);
  });

  it('activating needs a milestone; completing needs every milestone approved', async () => {
    const empty = await seed('proposed', []);
    const res = await move(sponsor, empty, { to: 'active' });
    expect(res.status).toBe(422);
    expect(detailOf(res)).toBe(
      'The initiative cannot be activated yet: it has no milestone to start: add at least one.',
    );
    const unfinished = await seed('active', ['approved', 'in_progress', 'planned']);
    const early = await move(owner, unfinished, { to: 'completed' });
    expect(early.status).toBe(422);
    expect(detailOf(early)).toBe(
      'The initiative cannot be completed yet: milestone "M2" is in progress; milestone "M3" is planned.',
    );
    const done = await seed('active', ['approved', 'approved']);
    expect((await move(owner, done, { to: 'completed' })).body.status).toBe('completed');
  });

  it('is for the owner, the sponsor and admins: others 403, unknown 404', async () => {
    const id = await seed('active', ['in_progress']);
    expect((await move(teamMember, id, { to: 'on_hold' })).status).toBe(403);
    expect((await move(outsider, id, { to: 'on_hold' })).status).toBe(403);
    expect((await move(await person(t, 'manager', 'Other'), id, { to: 'on_hold' })).status).toBe(
      403,
    );
    expect((await move(owner, nothing(), { to: 'on_hold' })).status).toBe(404);
    expect((await move(admin, nothing(), { to: 'on_hold' })).status).toBe(404);
  });

  it('needs If-Match (428) and refuses a stale one (412) before any rule', async () => {
    const id = await seed('active', ['in_progress']);
    expect((await move(owner, id, { to: 'on_hold' }, null)).status).toBe(428);
    expect((await move(owner, id, { to: 'on_hold' }, '"7"')).status).toBe(412);
    expect((await move(owner, id, { to: 'draft' }, '"7"')).status).toBe(412);
    expect((await move(owner, id, { to: 'on_hold' }, '"1"')).status).toBe(200);
    expect((await move(owner, id, { to: 'active' }, '"1"')).status).toBe(412);
    const current = await etagOf(t, owner, id);
    expect(current).toBe('"2"');
  });

  it('validates the body and the id', async () => {
    const id = await seed('active', ['in_progress']);
    const res = await move(owner, id, { to: 'finished', note: 'n'.repeat(2001), force: true });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['force', 'note', 'to']);
    expect(fieldsOf(await move(owner, id, {}))).toEqual(['to']);
    expect(fieldsOf(await move(owner, id, { to: 7 }))).toEqual(['to']);
    expect((await move(admin, 'not-a-uuid', { to: 'on_hold' })).status).toBe(400);
  });
});
