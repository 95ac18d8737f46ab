import { measureProgress } from '@waypoint/domain';
import { createStep } from '../factories/domain';
import { auditCount, etag, NO_SUCH_ID, send } from '../support/http';
import {
  checked,
  getMilestone,
  initiativeFor,
  measureOf,
  milestoneAt,
  readingOf,
  submittedGate,
  transition,
} from '../factories/gates';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

describe('the gate workflow: start, and submit with frozen evidence', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  it('starts only the first milestone not yet approved, and only while the initiative is active', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const first = await milestoneAt(t, initiativeId, 1);
    const second = await milestoneAt(t, initiativeId, 2);
    const list = await send<{ items: Array<{ id: string; startable: boolean }> }>(
      t,
      cast.owner,
      'GET',
      `/api/initiatives/${initiativeId}/milestones`,
    );
    expect(list.body.items.map((m) => [m.id, m.startable])).toEqual([
      [first, true],
      [second, false],
    ]);

    const early = await transition(t, cast.owner, second, 'start');
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({
      code: 'milestone_start_blocked',
      detail: 'Milestone 1 must be approved before milestone 2 can start.',
    });

    const started = await transition(t, cast.owner, first, 'start');
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ id: first, state: 'in_progress', version: 2 });
    expect(started.headers.get('etag')).toBe('"2"');
    expect(Date.parse(started.body.startedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(await auditCount(t, first, 'start')).toBe(1);

    const again = await transition(t, cast.owner, first, 'start');
    expect(again.status).toBe(422);
    expect(again.body['detail' as never]).toBe('Milestone 1 is in progress, not planned.');

    const proposed = await initiativeFor(t, cast, { status: 'proposed' });
    const waiting = await milestoneAt(t, proposed, 1);
    const refused = await transition(t, cast.owner, waiting, 'start');
    expect(refused.status).toBe(422);
    expect(refused.body['detail' as never]).toBe(
      'Milestones start only while the initiative is active; it is proposed.',
    );
  });

  it('needs If-Match on every transition: 428 without, 412 when stale; 404 for nothing', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const id = await milestoneAt(t, initiativeId, 1);
    for (const action of ['start', 'submit', 'resume']) {
      const path = `/api/milestones/${id}/${action}`;
      expect((await send(t, cast.owner, 'POST', path)).status).toBe(428);
      expect((await send(t, cast.owner, 'POST', path, undefined, etag(7))).status).toBe(412);
      expect((await send(t, cast.owner, 'POST', path, undefined, { 'If-Match': '7' })).status).toBe(
        400,
      );
      const missing = `/api/milestones/${NO_SUCH_ID}/${action}`;
      expect((await send(t, cast.admin, 'POST', missing, undefined, etag(1))).status).toBe(404);
      const bad = await send(
        t,
        cast.admin,
        'POST',
        `/api/milestones/nope/${action}`,
        undefined,
        etag(1),
      );
      expect(bad.status).toBe(400);
      expect(bad.body['errors' as never]).toHaveProperty('id');
    }
    expect((await getMilestone(t, cast.owner, id)).state).toBe('planned');
  });

  it('lists every submit blocker exactly: unchecked criteria by label, unread measures by name', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const wait = await measureOf(t, initiativeId, 'Average wait');
    const callbacks = await measureOf(t, initiativeId, 'Callback rate');
    const nps = await measureOf(t, initiativeId, 'NPS');
    await readingOf(t, wait, cast.member, 35, new Date(Date.now() - 86_400_000));
    const id = await milestoneAt(t, initiativeId, 1, {
      criteria: [
        { id: 'a', label: 'Problem agreed', checked: false },
        { id: 'b', label: 'Data collected', checked: true },
        { id: 'c', label: 'Team trained', checked: false },
      ],
      measureIds: [wait, callbacks, nps],
    });
    expect((await transition(t, cast.owner, id, 'start')).status).toBe(200);
    await readingOf(t, nps, cast.member, 41);

    const blocked = await transition(t, cast.owner, id, 'submit');
    expect(blocked.status).toBe(422);
    expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = blocked.body as unknown as {
      code: string;
      detail: string;
      blockers: Array<Record<string, string>>;
      errors: Record<string, string[]>;
    };
    expect(body.code).toBe('submission_blocked');
    expect(body.blockers.map((b) => [b['kind'], b['label'] ?? b['name']])).toEqual([
      ['criterion_unchecked', 'Problem agreed'],
      ['criterion_unchecked', 'Team trained'],
      ['measure_not_read', 'Average wait'],
      ['measure_not_read', 'Callback rate'],
    ]);
    expect(body.errors['criteria']).toEqual([
      'Exit criterion not met: "Problem agreed".',
      'Exit criterion not met: "Team trained".',
    ]);
    expect(body.errors['measures']).toHaveLength(2);
    expect(body.errors['measures']?.[0]).toMatch(
      /^No reading of "Average wait" since the milestone started on \d{1,2} [A-Z][a-z]{2} \d{4}\.$/,
    );
    expect(body.detail).toContain('"Callback rate"');
    const still = await getMilestone(t, cast.owner, id);
    expect(still.state).toBe('in_progress');
    expect(still.latestSubmission).toBeNull();

    const patched = await send(
      t,
      cast.owner,
      'PATCH',
      `/api/milestones/${id}`,
      { criteria: still.criteria.map((c) => ({ id: c.id, label: c.label, checked: true })) },
      etag(still.version),
    );
    expect(patched.status).toBe(200);
    await readingOf(t, wait, cast.member, 33);
    const onlyOne = await transition(t, cast.owner, id, 'submit');
    expect(onlyOne.status).toBe(422);
    expect((onlyOne.body as unknown as { blockers: Array<{ name: string }> }).blockers).toEqual([
      expect.objectContaining({ kind: 'measure_not_read', name: 'Callback rate' }),
    ]);
    await readingOf(t, callbacks, cast.member, 0.2);
    const submitted = await transition(t, cast.owner, id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted' });
    expect(submitted.body.submittedAt).not.toBeNull();

    const twice = await transition(t, cast.owner, id, 'submit');
    expect(twice.status).toBe(422);
    expect(twice.body['detail' as never]).toBe(
      'A milestone in state "submitted" does not accept "submit".',
    );
    const noCriteria = await milestoneAt(t, await initiativeFor(t, cast), 1, { criteria: [] });
    await transition(t, cast.owner, noCriteria, 'start');
    const empty = await transition(t, cast.owner, noCriteria, 'submit');
    expect((empty.body as unknown as { blockers: Array<{ kind: string }> }).blockers).toEqual([
      expect.objectContaining({ kind: 'no_exit_criteria' }),
    ]);
  });

  it('keeps the note the submitter gives the decider, and refuses a bad one', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const wait = await measureOf(t, initiativeId, 'Average wait');
    const id = await milestoneAt(t, initiativeId, 1, {
      criteria: checked('Problem agreed'),
      measureIds: [wait],
    });
    await transition(t, cast.owner, id, 'start');
    await readingOf(t, wait, cast.member, 31);
    const submitWith = async (body: unknown) => {
      const current = await getMilestone(t, cast.owner, id);
      return send<{ state: string; latestSubmission: { note: string } | null }>(
        t,
        cast.owner,
        'POST',
        `/api/milestones/${id}/submit`,
        body,
        etag(current.version),
      );
    };
    for (const [body, field] of [
      [{ note: 'x'.repeat(4001) }, 'note'],
      [{ note: 42 }, 'note'],
      [{ note: 'fine', extra: true }, 'extra'],
    ] as const) {
      const refused = await submitWith(body);
      expect([body, refused.status]).toEqual([body, 400]);
      expect(JSON.stringify(refused.body)).toContain(field);
    }
    expect((await getMilestone(t, cast.owner, id)).state).toBe('in_progress');

    const note = '  Waiting fell by a third; the pilot needs IT time next cycle.  ';
    const submitted = await submitWith({ note });
    expect(submitted.status).toBe(200);
    expect(submitted.body.latestSubmission?.note).toBe(note.trim());
    const read = await send<{ latestSubmission: { note: string } }>(
      t,
      cast.sponsor,
      'GET',
      `/api/milestones/${id}`,
    );
    expect(read.body.latestSubmission.note).toBe(note.trim());
  });

  it('submits without a body: the note is empty', async () => {
    const { milestoneIds } = await submittedGate(t, cast);
    const read = await getMilestone(t, cast.owner, milestoneIds[0] ?? '');
    expect(read.latestSubmission).toMatchObject({ note: '' });
  });

  it('freezes the evidence snapshot at submission; later readings do not change it', async () => {
    const initiativeId = await initiativeFor(t, cast);
    await t.sql.query(
      `UPDATE initiatives SET readiness_score = 4, readiness_notes = 'Team is keen' WHERE id = $1`,
      [initiativeId],
    );
    const wait = await measureOf(t, initiativeId, 'Average wait', { baseline: 40, target: 20 });
    const id = await milestoneAt(t, initiativeId, 1, {
      criteria: checked('Problem agreed'),
      measureIds: [wait],
    });
    await createStep(t.sql, id, initiativeId, { position: 1, status: 'done' });
    await createStep(t.sql, id, initiativeId, { position: 2, status: 'doing' });
    await createStep(t.sql, id, initiativeId, { position: 3, status: 'done' });
    await transition(t, cast.owner, id, 'start');
    const typo = await readingOf(t, wait, cast.member, 300);
    const correction = await t.sql.query<{ id: string }>(
      `INSERT INTO readings (measure_id, value, observed_at, recorded_by, supersedes_id)
       SELECT measure_id, 30, observed_at, recorded_by, id FROM readings WHERE id = $1 RETURNING id`,
      [typo],
    );
    const submitted = await transition(t, cast.owner, id, 'submit');
    expect(submitted.status).toBe(200);
    const snapshot = submitted.body.latestSubmission?.snapshot;
    expect(snapshot).toMatchObject({
      milestone: { id, position: 1, title: 'Milestone 1' },
      criteria: [{ id: 'c1', label: 'Problem agreed', checked: true }],
      steps: { total: 3, byStatus: { todo: 0, doing: 1, blocked: 0, done: 2 } },
      readiness: { score: 4, notes: 'Team is keen' },
      openConditions: [],
    });
    expect(snapshot?.measures).toEqual([
      {
        id: wait,
        name: 'Average wait',
        unit: 'min',
        perspective: 'customer',
        direction: 'lower_is_better',
        baseline: 40,
        target: 20,
        latestReading: {
          id: correction.rows[0]?.id,
          value: 30,
          observedAt: expect.any(String) as string,
        },
        progress: measureProgress({ baseline: 40, target: 20, direction: 'lower_is_better' }, 30),
      },
    ]);
    expect(snapshot?.measures[0]?.['progress']).toBe(0.5);

    await readingOf(t, wait, cast.member, 22);
    await t.sql.query(`UPDATE milestones SET title = 'Renamed later' WHERE id = $1`, [id]);
    const later = await getMilestone(t, cast.owner, id);
    expect(later.latestSubmission?.snapshot).toEqual(snapshot);
    await expect(
      t.sql.query(`UPDATE gate_submissions SET snapshot = '{}' WHERE milestone_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    expect(await auditCount(t, id, 'submit')).toBe(1);
  });

  it('lets the owner and admins move the gate, not the team nor outsiders', async () => {
    const initiativeId = await initiativeFor(t, cast);
    const id = await milestoneAt(t, initiativeId, 1);
    for (const session of [
      cast.member,
      cast.outsider,
      cast.manager,
      cast.executive,
      cast.sponsor,
    ]) {
      const res = await send(t, session, 'POST', `/api/milestones/${id}/start`, undefined, etag(1));
      expect({ role: session.user.role, status: res.status }).toEqual({
        role: session.user.role,
        status: 403,
      });
    }
    expect((await transition(t, cast.admin, id, 'start')).status).toBe(200);
  });

  it('answers 400 naming the id for a malformed id on every route of this area', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/initiatives/nope/milestones'],
      [
        'POST',
        '/api/initiatives/nope/milestones',
        { title: 't', goal: 'g', criteria: [], measureIds: [] },
      ],
      ['GET', '/api/milestones/nope'],
      ['PATCH', '/api/milestones/nope', { title: 't' }],
      ['POST', '/api/milestones/nope/reorder', { position: 1 }],
      ['POST', '/api/milestones/nope/start'],
      ['POST', '/api/milestones/nope/submit'],
      ['POST', '/api/milestones/nope/resume'],
      ['GET', '/api/milestones/nope/decisions'],
      ['POST', '/api/milestones/nope/decisions', { outcome: 'go' }],
      ['POST', '/api/conditions/nope/close', { note: 'n' }],
      ['GET', '/api/milestones/nope/steps'],
      ['POST', '/api/milestones/nope/steps', { title: 't' }],
      ['PATCH', '/api/steps/nope', { title: 't' }],
      ['DELETE', '/api/steps/nope'],
    ];
    for (const [method, path, body] of routes) {
      // Admins hold every permission of this area by role but gates.decide (executives).
      const session =
        path.endsWith('/decisions') && method === 'POST' ? cast.executive : cast.admin;
      const res = await send(t, session, method, path, body, etag(1));
      expect({ method, path, status: res.status, errors: res.body['errors' as never] }).toEqual({
        method,
        path,
        status: 400,
        errors: { id: [expect.stringMatching(/uuid/i)] },
      });
    }
  });
});
