import { type Session, signIn } from '../support/auth';
import { decide, initiativeFor, milestoneAt, submittedGate } from '../factories/gates';
import { send } from '../support/http';
import { GATE_PEOPLE } from '../support/people';
import { useTestApp } from '../support/use-test-app';

interface Approval {
  submissionId: string;
  initiative: { id: string; title: string };
  milestone: { id: string; title: string; position: number; version: number };
  submittedAt: string;
  submittedBy: { id: string; displayName: string };
  waitingHours: number;
}
interface ApprovalPage {
  items: Approval[];
  total: number;
  limit: number;
  offset: number;
}

describe('approvals: the gates waiting for my decision', () => {
  const t = useTestApp({ people: GATE_PEOPLE });
  const cast = t.people;

  const approvals = (session: Session, query = '') =>
    send<ApprovalPage>(t, session, 'GET', `/api/approvals${query}`);

  it('shows executives every waiting gate and sponsors theirs, never their own submissions', async () => {
    const sponsored = await submittedGate(t, cast);
    const otherSponsor = await signIn(t, 'manager', { displayName: 'Other Sponsor' });
    const elsewhere = await submittedGate(t, cast, { sponsorId: otherSponsor.user.id });
    const boss = await signIn(t, 'executive', { displayName: 'Bo Boss' });
    const bossOwn = await submittedGate(t, cast, { submitter: boss });

    const byExecutive = await approvals(cast.executive);
    expect(byExecutive.status).toBe(200);
    expect(byExecutive.body.items.map((a) => a.milestone.id).sort()).toEqual(
      [sponsored, elsewhere, bossOwn].map((g) => g.milestoneIds[0]).sort(),
    );
    const bossView = await send<ApprovalPage>(t, boss, 'GET', '/api/approvals');
    expect(bossView.body.items.map((a) => a.milestone.id)).not.toContain(bossOwn.milestoneIds[0]);
    expect(bossView.body.total).toBe(2);

    const bySponsor = await approvals(cast.sponsor);
    expect(bySponsor.body.items.map((a) => a.milestone.id)).toEqual([
      sponsored.milestoneIds[0],
      bossOwn.milestoneIds[0],
    ]);
    const item = bySponsor.body.items[0];
    const title = await t.sql.query<{ title: string }>(
      `SELECT title FROM initiatives WHERE id = $1`,
      [sponsored.initiativeId],
    );
    expect(item).toMatchObject({
      initiative: { id: sponsored.initiativeId, title: title.rows[0]?.title },
      milestone: { id: sponsored.milestoneIds[0], title: 'Milestone 1', position: 1, version: 3 },
      submittedBy: { id: cast.owner.user.id, displayName: 'Olivia Owner' },
      waitingHours: 0,
    });
    expect(Date.parse(item?.submittedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect((await approvals(cast.owner)).body.total).toBe(0);
    expect((await approvals(cast.admin)).body.total).toBe(0);
    expect((await approvals(cast.member)).status).toBe(403);

    await decide(t, cast.sponsor, sponsored.milestoneIds[0] ?? '', { outcome: 'go' });
    expect((await approvals(cast.sponsor)).body.items.map((a) => a.milestone.id)).toEqual([
      bossOwn.milestoneIds[0],
    ]);
  });

  it('says how long each gate has waited, oldest first, filtered, sorted and paged', async () => {
    const initiativeId = await initiativeFor(t, cast, { title: 'AAA Waiting since morning' });
    const id = await milestoneAt(t, initiativeId, 1, { state: 'submitted' });
    await t.sql.query(
      `INSERT INTO gate_submissions (milestone_id, submitted_by, submitted_at, snapshot)
       VALUES ($1, $2, now() - interval '5 hours 10 minutes', '{}')`,
      [id, cast.owner.user.id],
    );
    await t.sql.query(
      `UPDATE milestones SET submitted_at = now() - interval '5 hours 10 minutes', submitted_by = $2 WHERE id = $1`,
      [id, cast.owner.user.id],
    );
    const all = await approvals(cast.executive);
    expect(all.body.items[0]).toMatchObject({ milestone: { id }, waitingHours: 5 });
    const only = await approvals(cast.executive, `?initiativeId=${initiativeId}`);
    expect(only.body).toMatchObject({ total: 1, items: [{ milestone: { id } }] });
    const paged = await approvals(cast.executive, '?limit=1&offset=1');
    expect(paged.body).toMatchObject({ total: all.body.total, limit: 1, offset: 1 });
    expect(paged.body.items.map((a) => a.submissionId)).toEqual([all.body.items[1]?.submissionId]);
    const byTitle = await approvals(cast.executive, '?sort=initiativeTitle&order=desc');
    const titles = byTitle.body.items.map((a) => a.initiative.title.toLowerCase());
    expect(titles).toEqual([...titles].sort().reverse());
    expect(titles[titles.length - 1]).toBe('aaa waiting since morning');
  });

  it('refuses bad queries with 400', async () => {
    for (const query of [
      '?limit=0',
      '?limit=201',
      '?offset=-1',
      '?sort=waiting',
      '?order=up',
      '?initiativeId=nope',
      '?colour=red',
    ]) {
      const res = await approvals(cast.executive, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });
});
