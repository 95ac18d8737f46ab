import type { MeasureListItem, Page, StepListItem } from '@waypoint/contracts';
import { isStale } from '@waypoint/domain';
import {
  createCustomerGroup,
  createInitiative,
  createMeasure,
  createMilestone,
  createReading,
  createStep,
} from '../factories/domain';
import { person } from '../factories/initiatives';
import type { Session } from '../support/auth';
import { fieldErrors, send } from '../support/http';
import { dateFromToday, daysAgo } from '../support/time';
import { useTestApp } from '../support/use-test-app';

/**
 * GET /api/steps and GET /api/measures: the reads My work, Customer groups and KPI review use
 * instead of asking once per initiative. Only what the caller may read, paged, set-based.
 */
describe('steps and measures across initiatives', () => {
  const t = useTestApp();
  let manager: Session;
  let otherManager: Session;
  let executive: Session;
  let member: Session;
  let groupId: string;
  const step: Record<string, string> = {};
  const measure: Record<string, string> = {};
  let initiativeA: string;

  beforeAll(async () => {
    manager = await person(t, 'manager', 'Mona Manager');
    otherManager = await person(t, 'manager', 'Otto Manager');
    executive = await person(t, 'executive', 'Eve Executive');
    member = await person(t, 'member', 'Max Member');
    groupId = await createCustomerGroup(t.sql, { name: 'Loyal families', protected: true });

    // A: Max is on the team. B: Max is not (a stale assignment and recorder from before).
    // C: a completed initiative Max owns.
    initiativeA = await createInitiative(t.sql, {
      ownerId: manager.user.id,
      sponsorId: executive.user.id,
      teamIds: [member.user.id],
      title: 'Alpha: faster refunds',
    });
    const initiativeB = await createInitiative(t.sql, {
      ownerId: otherManager.user.id,
      title: 'Bravo: clearer bills',
    });
    const initiativeC = await createInitiative(t.sql, {
      ownerId: member.user.id,
      title: 'Charlie: done and dusted',
      status: 'completed',
    });
    const approved = await createMilestone(t.sql, initiativeA, {
      position: 1,
      title: 'Define',
      state: 'approved',
    });
    const running = await createMilestone(t.sql, initiativeA, {
      position: 2,
      title: 'Measure',
      state: 'in_progress',
    });
    const onB = await createMilestone(t.sql, initiativeB, { title: 'Bravo define' });
    const onC = await createMilestone(t.sql, initiativeC, { title: 'Charlie define' });
    const seeds: Array<[string, string, string, Parameters<typeof createStep>[3]]> = [
      ['overdue', running, initiativeA, { title: 'Call the bank', dueDate: dateFromToday(-1) }],
      [
        'doing',
        running,
        initiativeA,
        { title: 'Draft the letter', dueDate: dateFromToday(10), status: 'doing' },
      ],
      [
        'done',
        running,
        initiativeA,
        { title: 'Book the room', dueDate: dateFromToday(-1), status: 'done' },
      ],
      ['closed', approved, initiativeA, { title: 'Sign the charter' }],
      ['managers', running, initiativeA, { title: 'Brief the board' }],
      ['elsewhere', onB, initiativeB, { title: 'Bravo work', dueDate: dateFromToday(-3) }],
      ['completed', onC, initiativeC, { title: 'Charlie leftovers' }],
    ];
    for (const [key, milestoneId, initiativeId, seed] of seeds) {
      step[key] = await createStep(t.sql, milestoneId, initiativeId, {
        ...seed,
        assigneeId: key === 'managers' ? manager.user.id : member.user.id,
      });
    }

    measure['cost'] = await createMeasure(t.sql, initiativeA, {
      name: 'Cost to serve',
      perspective: 'business',
      baseline: 100,
      target: 50,
      kpiClass: 'customer_toxic',
    });
    measure['satisfaction'] = await createMeasure(t.sql, initiativeA, {
      name: 'Satisfaction wait',
      customerGroupId: groupId,
      counterMeasureId: measure['cost'],
      recorderId: member.user.id,
    });
    measure['weekly'] = await createMeasure(t.sql, initiativeA, {
      name: 'Weekly callbacks',
      cadence: 'weekly',
      kpiClass: 'neutral',
      recorderId: member.user.id,
    });
    measure['bravo'] = await createMeasure(t.sql, initiativeB, {
      name: 'Bravo disputes',
      customerGroupId: groupId,
      recorderId: member.user.id,
    });
    measure['charlie'] = await createMeasure(t.sql, initiativeC, { name: 'Charlie churn' });
    const by = member.user.id;
    await createReading(t.sql, measure['cost'], {
      value: 80,
      observedAt: daysAgo(3),
      recordedBy: by,
    });
    // The satisfaction wait was last read 40 days ago: a later reading (2 days ago) was corrected
    // to have been observed 41 days ago, so the measure is stale (monthly: after 38 days).
    await createReading(t.sql, measure['satisfaction'], {
      value: 35,
      observedAt: daysAgo(40),
      recordedBy: by,
    });
    const wrong = await createReading(t.sql, measure['satisfaction'], {
      value: 30,
      observedAt: daysAgo(2),
      recordedBy: by,
    });
    await createReading(t.sql, measure['satisfaction'], {
      value: 30,
      observedAt: daysAgo(41),
      recordedBy: by,
      supersedesId: wrong,
    });
    await createReading(t.sql, measure['weekly'], {
      value: 12,
      observedAt: daysAgo(1),
      recordedBy: by,
    });
  });

  async function page<T>(session: Session, path: string): Promise<Page<T>> {
    const res = await send<Page<T>>(t, session, 'GET', path);
    expect([path, res.status]).toEqual([path, 200]);
    return res.body;
  }
  const steps = (session: Session, query: string): Promise<Page<StepListItem>> =>
    page<StepListItem>(session, `/api/steps${query}`);
  const measures = (session: Session, query: string): Promise<Page<MeasureListItem>> =>
    page<MeasureListItem>(session, `/api/measures${query}`);
  const titles = (answer: Page<StepListItem>): string[] => answer.items.map((s) => s.title);
  const names = (answer: Page<MeasureListItem>): string[] => answer.items.map((m) => m.name);

  describe('GET /api/steps', () => {
    it('lists my steps of the initiatives I may read, not done first, then by due date', async () => {
      const mine = await steps(member, '?assigneeId=me');
      expect(titles(mine)).toEqual([
        'Call the bank',
        'Draft the letter',
        'Charlie leftovers',
        'Sign the charter',
        'Book the room',
      ]);
      expect(mine.total).toBe(5);
      const first = mine.items[0];
      expect(first).toMatchObject({
        id: step['overdue'],
        initiative: { id: initiativeA, title: 'Alpha: faster refunds', status: 'active' },
        milestone: { title: 'Measure', state: 'in_progress', position: 2 },
        assignee: { id: member.user.id, displayName: 'Max Member' },
        open: true,
      });
    });

    it('filters by open, status, overdue and due date, combined', async () => {
      const open = await steps(member, '?assigneeId=me&open=true');
      expect(titles(open)).toEqual(['Call the bank', 'Draft the letter', 'Book the room']);
      const closed = await steps(member, '?assigneeId=me&open=false');
      expect(titles(closed).sort()).toEqual(['Charlie leftovers', 'Sign the charter']);
      expect(closed.items.every((s) => !s.open)).toBe(true);
      expect(titles(await steps(member, '?assigneeId=me&status=doing'))).toEqual([
        'Draft the letter',
      ]);
      expect(titles(await steps(member, '?assigneeId=me&overdue=true'))).toEqual(['Call the bank']);
      expect((await steps(member, '?assigneeId=me&overdue=false')).total).toBe(4);
      expect(titles(await steps(member, `?assigneeId=me&dueBefore=${dateFromToday(5)}`))).toEqual([
        'Call the bank',
        'Book the room',
      ]);
      expect(
        titles(
          await steps(member, `?assigneeId=me&open=true&status=done&dueBefore=${dateFromToday(0)}`),
        ),
      ).toEqual(['Book the room']);
    });

    it("shows someone else's steps only where the caller may read", async () => {
      expect(titles(await steps(member, `?assigneeId=${manager.user.id}`))).toEqual([
        'Brief the board',
      ]);
      const seenByExecutive = await steps(executive, `?assigneeId=${member.user.id}`);
      expect(seenByExecutive.total).toBe(6);
      expect(titles(seenByExecutive)).toContain('Bravo work');
      // Otto owns Bravo; Max is not on it, so Max never sees Bravo's step.
      expect(titles(await steps(member, '?assigneeId=me'))).not.toContain('Bravo work');
      expect((await steps(otherManager, '?assigneeId=me')).total).toBe(0);
      expect((await steps(executive, '')).total).toBe(7);
    });

    it('pages with limit and offset, the pages adding up to the whole list', async () => {
      const all = titles(await steps(member, '?assigneeId=me'));
      const first = await steps(member, '?assigneeId=me&limit=2');
      expect(first).toMatchObject({ total: 5, limit: 2, offset: 0 });
      const second = await steps(member, '?assigneeId=me&limit=2&offset=2');
      const third = await steps(member, '?assigneeId=me&limit=2&offset=4');
      expect([...titles(first), ...titles(second), ...titles(third)]).toEqual(all);
    });

    it('answers a page of five with as many statements as a page of one', async () => {
      const one = await send(t, executive, 'GET', '/api/steps?limit=1');
      const five = await send(t, executive, 'GET', '/api/steps?limit=5');
      expect(Number(one.headers.get('x-sql-statements'))).toBeGreaterThan(0);
      expect(five.headers.get('x-sql-statements')).toBe(one.headers.get('x-sql-statements'));
    });

    it('refuses bad query parameters with per-field errors, and strangers', async () => {
      const res = await send(
        t,
        member,
        'GET',
        `/api/steps?assigneeId=bob&status=finished&open=1&overdue=yes&dueBefore=2026-13-01&limit=0&offset=-1&color=red`,
      );
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual([
        'assigneeId',
        'color',
        'dueBefore',
        'limit',
        'offset',
        'open',
        'overdue',
        'status',
      ]);
      expect((await send(t, null, 'GET', '/api/steps')).status).toBe(401);
    });
  });

  describe('GET /api/measures', () => {
    it('lists the measures I record: my recorder ones, and unnamed ones where I own the initiative', async () => {
      const mine = await measures(member, '?recorderId=me');
      expect(names(mine)).toEqual(['Satisfaction wait', 'Weekly callbacks', 'Charlie churn']);
      const ownersToo = await measures(manager, '?recorderId=me');
      expect(names(ownersToo)).toEqual(['Cost to serve']);
      // Max was Bravo's recorder but is not on it: an executive sees it, Max does not.
      expect(names(await measures(executive, `?recorderId=${member.user.id}`))).toContain(
        'Bravo disputes',
      );
    });

    it('carries the initiative, the latest effective reading, progress, staleness and the counter-measure', async () => {
      const [satisfaction] = (await measures(member, '?customerGroupId=' + groupId)).items;
      expect(satisfaction).toMatchObject({
        id: measure['satisfaction'],
        initiative: { id: initiativeA, title: 'Alpha: faster refunds', status: 'active' },
        customerGroup: { id: groupId, name: 'Loyal families', protected: true },
        counterMeasure: { id: measure['cost'], name: 'Cost to serve', perspective: 'business' },
        counterMeasureProgress: 0.4,
        latestReading: { value: 35 },
        progress: 0.25,
        stale: true,
        recorder: { id: member.user.id, displayName: 'Max Member' },
      });
    });

    it('filters by customer group, KPI class and staleness, combined, as libs/domain judges staleness', async () => {
      expect(names(await measures(executive, `?customerGroupId=${groupId}`))).toEqual([
        'Satisfaction wait',
        'Bravo disputes',
      ]);
      expect(names(await measures(member, `?customerGroupId=${groupId}`))).toEqual([
        'Satisfaction wait',
      ]);
      expect(names(await measures(executive, '?kpiClass=customer_toxic'))).toEqual([
        'Cost to serve',
      ]);
      expect(names(await measures(member, '?recorderId=me&stale=true'))).toEqual([
        'Satisfaction wait',
      ]);
      const all = await measures(executive, '');
      const stale = await measures(executive, '?stale=true');
      const fresh = await measures(executive, '?stale=false');
      expect(stale.total + fresh.total).toBe(all.total);
      expect(stale.total).toBeGreaterThan(0);
      expect(fresh.total).toBeGreaterThan(0);
      // The SQL filter and the item's own staleness (staleness.ts) agree on every measure.
      const now = new Date();
      for (const item of all.items) {
        const lastAt = item.latestReading ? new Date(item.latestReading.observedAt) : null;
        const expected = isStale(lastAt, item.cadence, now, new Date(item.createdAt));
        expect([item.name, item.stale]).toEqual([item.name, expected]);
        const list = item.stale ? stale : fresh;
        expect([item.name, list.items.some((m) => m.id === item.id)]).toEqual([item.name, true]);
      }
    });

    it('sorts by what is due: stale first, then by the next reading', async () => {
      expect(names(await measures(member, '?recorderId=me&sort=due'))).toEqual([
        'Satisfaction wait',
        'Weekly callbacks',
        'Charlie churn',
      ]);
    });

    it('pages with limit and offset, the pages adding up to the whole list', async () => {
      const all = names(await measures(executive, ''));
      expect(all).toHaveLength(5);
      const first = await measures(executive, '?limit=3');
      expect(first).toMatchObject({ total: 5, limit: 3, offset: 0 });
      const second = await measures(executive, '?limit=3&offset=3');
      expect([...names(first), ...names(second)]).toEqual(all);
    });

    it('answers a page of five with as many statements as a page of one', async () => {
      // Each first page holds a measure with a customer group, a recorder and a counter-measure,
      // so that a page of one loads every kind of related row a page of five does.
      for (const query of ['sort=due', 'stale=true', `customerGroupId=${groupId}`]) {
        const one = await send(t, executive, 'GET', `/api/measures?limit=1&${query}`);
        const five = await send(t, executive, 'GET', `/api/measures?limit=5&${query}`);
        expect(Number(one.headers.get('x-sql-statements'))).toBeGreaterThan(0);
        expect([query, five.headers.get('x-sql-statements')]).toEqual([
          query,
          one.headers.get('x-sql-statements'),
        ]);
      }
    });

    it('refuses bad query parameters with per-field errors, and strangers', async () => {
      const res = await send(
        t,
        member,
        'GET',
        '/api/measures?recorderId=someone&customerGroupId=1&kpiClass=toxic&perspective=both&stale=maybe&sort=name&limit=201',
      );
      expect(res.status).toBe(400);
      expect(fieldErrors(res)).toEqual([
        'customerGroupId',
        'kpiClass',
        'limit',
        'perspective',
        'recorderId',
        'sort',
        'stale',
      ]);
      expect((await send(t, null, 'GET', '/api/measures')).status).toBe(401);
    });
  });
});
