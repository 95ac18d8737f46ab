import type {
  MySelfAssessmentAnswer,
  SelfAssessmentResponse,
  SelfAssessmentResults,
  SelfAssessmentScore,
} from '@waypoint/contracts';
import {
  answerSelfAssessment,
  closeSelfAssessment,
  openSelfAssessment,
  scoresOf as scores,
} from '../factories/self-assessments';
import type { Session } from '../support/auth';
import { etag, fieldErrors, idempotencyKey, NO_SUCH_ID } from '../support/http';
import { useTestApp } from '../support/use-test-app';

type Page<T> = { items: T[]; total: number };

describe('self-assessments', () => {
  const t = useTestApp({
    people: { admin: 'admin', executive: 'executive', manager: 'manager', member: 'member' },
  });
  const cast = t.people;
  let cycleCount = 0;

  /** A new cycle (a quarter of its own year, so they never overlap) and its assessment. */
  async function opened(
    departmentId?: string,
    year = 2100 + cycleCount,
  ): Promise<SelfAssessmentResponse & { cycleId: string }> {
    cycleCount++;
    const cycleId = await t.make.cycle(`${year}-Q1`, `${year}-01-01`, `${year}-03-31`);
    return { ...(await openSelfAssessment(t, cast.executive, cycleId, departmentId)), cycleId };
  }

  const answer = (
    session: Session,
    id: string,
    body: SelfAssessmentScore[],
  ): Promise<MySelfAssessmentAnswer> => answerSelfAssessment(t, session, id, body);

  const results = async (id: string, who: Session = cast.executive) =>
    (await t.send<SelfAssessmentResults>(who, 'GET', `/api/self-assessments/${id}/results`)).body;

  const members = async (n: number, departmentId?: string): Promise<Session[]> => {
    const sessions: Session[] = [];
    for (let i = 0; i < n; i++) {
      sessions.push(await t.signIn('member', departmentId ? { departmentId } : {}));
    }
    return sessions;
  };

  describe('bad input', () => {
    it.each<[string, unknown, string[]]>([
      ['no cycle', {}, ['cycleId']],
      ['a cycle id that is not a UUID', { cycleId: 'Q1' }, ['cycleId']],
      [
        'a department id that is not a UUID',
        { cycleId: NO_SUCH_ID, departmentId: 7 },
        ['departmentId'],
      ],
      ['an unknown field', { cycleId: NO_SUCH_ID, anonymous: false }, ['anonymous']],
    ])('POST /api/self-assessments refuses %s with 400', async (_label, body, fields) => {
      const res = await t.send(cast.admin, 'POST', '/api/self-assessments', body, idempotencyKey());
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual(fields);
    });

    it('POST /api/self-assessments refuses an unknown cycle or department with 422', async () => {
      const res = await t.send(
        cast.admin,
        'POST',
        '/api/self-assessments',
        { cycleId: NO_SUCH_ID, departmentId: NO_SUCH_ID },
        idempotencyKey(),
      );
      expect(res.status).toBe(422);
      expect(res.body['code']).toBe('reference_invalid');
      expect(fieldErrors(res)).toEqual(['cycleId', 'departmentId']);
    });

    it.each<[string, unknown, string[]]>([
      ['no scores', {}, ['scores']],
      ['scores that are not a list', { scores: 'all fives' }, ['scores']],
      ['a score of 0', { scores: scores(3, { show_the_money: 0 }) }, ['scores.5.score']],
      ['a score of 2.5', { scores: scores(3, { show_the_money: 2.5 }) }, ['scores.5.score']],
      ['a score as text', { scores: [{ area: 'show_the_money', score: '5' }] }, ['scores.0.score']],
      ['an unknown area', { scores: [{ area: 'happiness', score: 5 }] }, ['scores.0.area']],
      [
        'a comment over 1,000 characters',
        { scores: scores(3, {}, { show_the_money: 'x'.repeat(1001) }) },
        ['scores.5.comment'],
      ],
      ['twelve scores', { scores: [...scores(3), ...scores(3).slice(0, 1)] }, ['scores']],
    ])('PUT my-answer refuses %s with 400', async (_label, body, fields) => {
      const assessment = await opened();
      const res = await t.send(
        cast.member,
        'PUT',
        `/api/self-assessments/${assessment.id}/my-answer`,
        body,
      );
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual(fields);
    });

    it('PUT my-answer refuses an answer that misses or repeats a statement with 422', async () => {
      const assessment = await opened();
      const path = `/api/self-assessments/${assessment.id}/my-answer`;
      const missing = await t.send(cast.member, 'PUT', path, { scores: scores(3).slice(1) });
      expect(missing.status).toBe(422);
      expect(missing.body['code']).toBe('invalid_request');
      expect(missing.body['errors']).toEqual({ scores: ['score every statement (1 missing).'] });
      const twice = await t.send(cast.member, 'PUT', path, {
        scores: [...scores(3).slice(1), { area: 'adapt_the_kpis', score: 2 }],
      });
      expect(twice.status).toBe(422);
      expect(twice.body['detail']).toMatch(/adapt_the_kpis is scored twice/);
    });

    it.each([
      ['GET', '/api/self-assessments?status=pending', ['status']],
      ['GET', '/api/self-assessments?cycleId=last', ['cycleId']],
      ['GET', '/api/self-assessments?limit=0', ['limit']],
      ['GET', '/api/self-assessments/not-an-id', ['id']],
      ['GET', '/api/self-assessments/not-an-id/results', ['id']],
      ['GET', '/api/self-assessments/not-an-id/my-answer', ['id']],
      ['PUT', '/api/self-assessments/not-an-id/my-answer', ['id']],
      ['POST', '/api/self-assessments/not-an-id/close', ['id']],
    ])('%s %s answers 400 naming the field', async (method, path, fields) => {
      const res = await t.send(
        cast.admin,
        method,
        path,
        method === 'PUT' ? { scores: scores(3) } : undefined,
        method === 'POST' ? etag(1) : {},
      );
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual(fields);
    });

    it('answers 404 for an assessment that does not exist, and 428 for a close without If-Match', async () => {
      for (const path of ['', '/results', '/my-answer']) {
        const res = await t.send(cast.member, 'GET', `/api/self-assessments/${NO_SUCH_ID}${path}`);
        expect(res.status).toBe(404);
      }
      const assessment = await opened();
      const close = await t.send(
        cast.executive,
        'POST',
        `/api/self-assessments/${assessment.id}/close`,
      );
      expect(close.status).toBe(428);
    });
  });

  describe('opening', () => {
    it('is for admins and executives, once per cycle and scope, and idempotent', async () => {
      const cycleId = await t.make.cycle('2090-Q1', '2090-01-01', '2090-03-31');
      const key = idempotencyKey();
      const refused = await t.send(cast.manager, 'POST', '/api/self-assessments', { cycleId }, key);
      expect(refused.status).toBe(403);
      const first = await t.send<SelfAssessmentResponse>(
        cast.admin,
        'POST',
        '/api/self-assessments',
        { cycleId },
        key,
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        cycle: { id: cycleId, name: '2090-Q1' },
        department: null,
        status: 'open',
        questionSetVersion: 1,
        answerCount: 0,
        inScope: true,
        answered: false,
      });
      const retried = await t.send<SelfAssessmentResponse>(
        cast.admin,
        'POST',
        '/api/self-assessments',
        { cycleId },
        key,
      );
      expect(retried.status).toBe(201);
      expect(retried.body.id).toBe(first.body.id);
      const again = await t.send(
        cast.executive,
        'POST',
        '/api/self-assessments',
        { cycleId },
        idempotencyKey(),
      );
      expect(again.status).toBe(409);
      // A department of the same cycle is another scope.
      const department = await t.make.department();
      const ofDepartment = await t.send<SelfAssessmentResponse>(
        cast.executive,
        'POST',
        '/api/self-assessments',
        { cycleId, departmentId: department },
        idempotencyKey(),
      );
      expect(ofDepartment.status).toBe(201);
      const count = await t.sql.query(`SELECT 1 FROM self_assessments WHERE cycle_id = $1`, [
        cycleId,
      ]);
      expect(count.rowCount).toBe(2);
      const audited = await t.sql.query(
        `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'create'`,
        [first.body.id],
      );
      expect(audited.rowCount).toBe(1);
      expect(JSON.stringify(audited.rows[0])).not.toMatch(/answerKey|answer_key/);
    });
  });

  describe('anonymity', () => {
    it('shows nothing but the count below five answers, and the averages from five', async () => {
      const assessment = await opened();
      const people = await members(5);
      for (const person of people.slice(0, 3)) await answer(person, assessment.id, scores(4));
      const early = await results(assessment.id);
      expect(early).toMatchObject({
        answerCount: 3,
        minimumAnswers: 5,
        shown: false,
        areas: [],
        suggestions: [],
      });
      await answer(people[3] as Session, assessment.id, scores(2));
      await answer(
        people[4] as Session,
        assessment.id,
        scores(2, {}, { involve_everyone: 'Nobody asked us' }),
      );
      const late = await results(assessment.id, cast.member);
      expect(late.shown).toBe(true);
      expect(late.answerCount).toBe(5);
      expect(late.areas).toHaveLength(11);
      const involve = late.areas.find((a) => a.area === 'involve_everyone');
      expect(involve?.average).toBeCloseTo(3.2);
      expect(involve?.comments).toEqual(['Nobody asked us']);
    });

    it('stores no user id with the scores, audits who answered but never what, and lets no one read another’s answer', async () => {
      const assessment = await opened();
      const [alice, bob] = (await members(2)) as [Session, Session];
      await answer(alice, assessment.id, scores(1, {}, { show_the_money: 'Secret view' }));
      await answer(bob, assessment.id, scores(5));

      const columns = await t.sql.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'self_assessment_answers'`,
      );
      expect(columns.rows.map((c) => c.column_name).sort()).toEqual([
        'assessment_id',
        'id',
        'respondent_key',
        'scores',
      ]);
      const keys = await t.sql.query<{ respondent_key: string }>(
        `SELECT respondent_key FROM self_assessment_answers WHERE assessment_id = $1`,
        [assessment.id],
      );
      for (const { respondent_key } of keys.rows) {
        expect(respondent_key).not.toContain(alice.user.id);
        expect(respondent_key).not.toContain(bob.user.id);
      }

      const audit = await t.sql.query<{ before: unknown; after: unknown; actor_id: string }>(
        `SELECT before, after, actor_id FROM audit_events WHERE entity_id = $1 AND action = 'answer'`,
        [assessment.id],
      );
      expect(audit.rows.map((r) => r.actor_id).sort()).toEqual([alice.user.id, bob.user.id].sort());
      expect(audit.rows.every((r) => r.before === null && r.after === null)).toBe(true);
      const trail = await t.send(cast.admin, 'GET', `/api/audit?entityId=${assessment.id}`);
      expect(trail.text).not.toContain('Secret view');

      // Each reads only their own answer, admins included.
      const own = await t.send<MySelfAssessmentAnswer>(
        alice,
        'GET',
        `/api/self-assessments/${assessment.id}/my-answer`,
      );
      expect(own.body.scores.find((s) => s.area === 'show_the_money')).toEqual({
        area: 'show_the_money',
        score: 1,
        comment: 'Secret view',
      });
      const admin = await t.send<MySelfAssessmentAnswer>(
        cast.admin,
        'GET',
        `/api/self-assessments/${assessment.id}/my-answer`,
      );
      expect(admin.body).toEqual({ assessmentId: assessment.id, answered: false, scores: [] });
      // Below five answers, the comment is not shown to anyone either.
      const shown = await t.send(
        cast.admin,
        'GET',
        `/api/self-assessments/${assessment.id}/results`,
      );
      expect(shown.text).not.toContain('Secret view');
    });

    it('forgets every respondent key when closed: answers can no longer change', async () => {
      const assessment = await opened();
      const [person] = (await members(1)) as [Session];
      await answer(person, assessment.id, scores(3));
      const stale = await closeSelfAssessment(
        t,
        cast.executive,
        assessment.id,
        assessment.version + 5,
      );
      expect(stale.status).toBe(412);
      const memberClose = await closeSelfAssessment(
        t,
        cast.member,
        assessment.id,
        assessment.version,
      );
      expect(memberClose.status).toBe(403);
      const closed = await closeSelfAssessment(
        t,
        cast.executive,
        assessment.id,
        assessment.version,
      );
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', answerCount: 1 });
      const keys = await t.sql.query(
        `SELECT 1 FROM self_assessment_answers WHERE assessment_id = $1 AND respondent_key IS NOT NULL
         UNION ALL SELECT 1 FROM self_assessments WHERE id = $1 AND answer_key IS NOT NULL`,
        [assessment.id],
      );
      expect(keys.rowCount).toBe(0);
      const late = await t.send(person, 'PUT', `/api/self-assessments/${assessment.id}/my-answer`, {
        scores: scores(5),
      });
      expect(late.status).toBe(422);
      expect(late.body['code']).toBe('self_assessment_closed');
      const mine = await t.send<MySelfAssessmentAnswer>(
        person,
        'GET',
        `/api/self-assessments/${assessment.id}/my-answer`,
      );
      expect(mine.body).toEqual({ assessmentId: assessment.id, answered: true, scores: [] });
      const twice = await closeSelfAssessment(
        t,
        cast.executive,
        assessment.id,
        closed.body.version,
      );
      expect(twice.status).toBe(422);
    });
  });

  it('takes one answer per person: answering again changes it', async () => {
    const assessment = await opened();
    await answer(cast.member, assessment.id, scores(2));
    const changed = await answer(cast.member, assessment.id, scores(5, { adapt_the_kpis: 1 }));
    expect(changed.scores.find((s) => s.area === 'adapt_the_kpis')?.score).toBe(1);
    const read = await t.send<SelfAssessmentResponse>(
      cast.member,
      'GET',
      `/api/self-assessments/${assessment.id}`,
    );
    expect(read.body).toMatchObject({ answerCount: 1, answered: true });
    const rows = await t.sql.query(
      `SELECT 1 FROM self_assessment_answers WHERE assessment_id = $1`,
      [assessment.id],
    );
    expect(rows.rowCount).toBe(1);
    const audit = await t.sql.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action <> 'create' ORDER BY occurred_at, id`,
      [assessment.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['answer', 'change_answer']);
    const mine = await t.send<MySelfAssessmentAnswer>(
      cast.member,
      'GET',
      `/api/self-assessments/${assessment.id}/my-answer`,
    );
    expect(mine.body.scores).toEqual(changed.scores);
  });

  it('asks only the people of a department for its assessment', async () => {
    const department = await t.make.department();
    const assessment = await opened(department);
    const insider = await t.signIn('member', { departmentId: department });
    const outsider = cast.member;
    await answer(insider, assessment.id, scores(4));
    const refused = await t.send(
      outsider,
      'PUT',
      `/api/self-assessments/${assessment.id}/my-answer`,
      { scores: scores(4) },
    );
    expect(refused.status).toBe(422);
    expect(refused.body['code']).toBe('self_assessment_out_of_scope');
    const list = await t.send<Page<SelfAssessmentResponse>>(
      outsider,
      'GET',
      `/api/self-assessments?cycleId=${assessment.cycleId}`,
    );
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      department: { id: department },
      inScope: false,
      answered: false,
      answerCount: 1,
    });
    const theirs = await t.send<SelfAssessmentResponse>(
      insider,
      'GET',
      `/api/self-assessments/${assessment.id}`,
    );
    expect(theirs.body).toMatchObject({ inScope: true, answered: true });
  });

  it('compares with the previous cycle of the same scope and suggests the road of the weakest areas', async () => {
    const people = await members(5);
    const department = await t.make.department();
    const before = await opened(undefined, 2200);
    // Another scope in between is not "the previous cycle" of the organisation's.
    await opened(department, 2201);
    const now = await opened(undefined, 2202);
    for (const person of people) {
      await answer(person, before.id, scores(2));
      await answer(person, now.id, scores(4, { adapt_the_kpis: 1, customers_not_equal: 3 }));
    }
    const result = await results(now.id);
    expect(result.previous).toEqual({
      assessmentId: before.id,
      cycleName: '2200-Q1',
      answerCount: 5,
      shown: true,
    });
    const kpis = result.areas.find((a) => a.area === 'adapt_the_kpis');
    expect(kpis).toMatchObject({ average: 1, previousAverage: 2 });
    expect(result.areas.find((a) => a.area === 'mindset_and_completion')).toMatchObject({
      average: 4,
      previousAverage: 2,
    });
    expect(result.suggestions).toEqual([
      { area: 'adapt_the_kpis', road: 'competing_values' },
      { area: 'customers_not_equal', road: 'best_customer' },
    ]);
    // The earliest cycle has nothing before it.
    const earliest = await opened(undefined, 1990);
    expect((await results(earliest.id)).previous).toBeNull();
    // A previous cycle below five answers is named but not compared.
    const third = await opened(undefined, 2203);
    const lone = await opened(undefined, 2204);
    await answer(people[0] as Session, third.id, scores(3));
    for (const person of people) await answer(person, lone.id, scores(3));
    const compared = await results(lone.id);
    expect(compared.previous).toMatchObject({ assessmentId: third.id, shown: false });
    expect(compared.areas.every((a) => a.previousAverage === null)).toBe(true);
  });
});
