import {
  createInitiative,
  createMeasure,
  createMilestone,
  createReading,
  createStep,
} from '../factories/domain';
import { createUser } from '../factories/users';
import { type Session, signIn, signInAs } from '../support/auth';
import { dateFromToday, dayInWords, daysAgo } from '../support/time';
import { inbox, inboxOf, storedKeys } from '../factories/notifications';
import { useTestApp } from '../support/use-test-app';

/**
 * The time-based notifications, brought up to date for a user whenever they open the inbox
 * (the periodic sweep runs the same statements for everyone).
 */
describe('the sweep: overdue steps and stale measures', () => {
  const t = useTestApp();
  let owner: Session;
  let member: Session;

  beforeAll(async () => {
    owner = await signIn(t, 'manager', { displayName: 'Olivia Owner' });
    member = await signIn(t, 'member', { displayName: 'Tim Team' });
  });

  async function initiative(status = 'active'): Promise<string> {
    return createInitiative(t.sql, {
      ownerId: owner.user.id,
      teamIds: [member.user.id],
      status,
      title: `Initiative ${Math.random().toString(36).slice(2, 8)}`,
    });
  }

  /** A measure created `createdDaysAgo` days ago. */
  async function measure(
    initiativeId: string,
    seed: { recorderId?: string | null; cadence?: string; createdDaysAgo?: number } = {},
  ): Promise<string> {
    const id = await createMeasure(t.sql, initiativeId, {
      name: `Measure ${Math.random().toString(36).slice(2, 8)}`,
      recorderId: seed.recorderId ?? null,
      cadence: seed.cadence ?? 'weekly',
    });
    await t.sql.query(`UPDATE measures SET created_at = $2 WHERE id = $1`, [
      id,
      daysAgo(seed.createdDaysAgo ?? 100),
    ]);
    return id;
  }

  it('an overdue step reaches its assignee once', async () => {
    const initiativeId = await initiative();
    const milestoneId = await createMilestone(t.sql, initiativeId, { state: 'in_progress' });
    const late = await createStep(t.sql, milestoneId, initiativeId, {
      title: 'Map the call flow',
      assigneeId: member.user.id,
      dueDate: dateFromToday(-1),
      status: 'doing',
    });
    // Not overdue: done, due today, or unassigned.
    await createStep(t.sql, milestoneId, initiativeId, {
      position: 2,
      assigneeId: member.user.id,
      dueDate: dateFromToday(-3),
      status: 'done',
    });
    await createStep(t.sql, milestoneId, initiativeId, {
      position: 3,
      assigneeId: member.user.id,
      dueDate: dateFromToday(0),
    });
    await createStep(t.sql, milestoneId, initiativeId, { position: 4, dueDate: dateFromToday(-9) });

    const notes = await inboxOf(t, member, initiativeId, 'step_overdue');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      title: 'Step overdue: Map the call flow',
      link: '/my-work',
      initiativeId,
      readAt: null,
    });
    expect(notes[0]?.body).toContain(`was due ${dayInWords(dateFromToday(-1))} and is doing.`);
    // Deduplicated: looking again (the sweep runs again) adds nothing.
    expect(await inboxOf(t, member, initiativeId, 'step_overdue')).toHaveLength(1);
    expect(await storedKeys(t, member.user.id, `step-overdue:${late}`)).toEqual([
      `step-overdue:${late}`,
    ]);
    expect(await inboxOf(t, owner, initiativeId, 'step_overdue')).toEqual([]);
  });

  it('leaves out steps of initiatives that are not active and of approved milestones', async () => {
    const held = await initiative('on_hold');
    const heldMilestone = await createMilestone(t.sql, held, { state: 'in_progress' });
    await createStep(t.sql, heldMilestone, held, {
      assigneeId: member.user.id,
      dueDate: dateFromToday(-2),
    });
    const active = await initiative();
    const approved = await createMilestone(t.sql, active, { state: 'approved' });
    await createStep(t.sql, approved, active, {
      assigneeId: member.user.id,
      dueDate: dateFromToday(-2),
    });
    expect(await inboxOf(t, member, held)).toEqual([]);
    expect(await inboxOf(t, member, active)).toEqual([]);
  });

  it('a stale measure reaches its recorder once per stale period', async () => {
    const initiativeId = await initiative();
    const measureId = await measure(initiativeId, { recorderId: member.user.id });
    const observed = daysAgo(20);
    await createReading(t.sql, measureId, {
      value: 30,
      observedAt: observed,
      recordedBy: member.user.id,
    });
    const first = await inboxOf(t, member, initiativeId, 'measure_stale');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ link: `/my-work?record=${measureId}`, initiativeId });
    expect(first[0]?.title).toMatch(/^Reading overdue: Measure /);
    expect(first[0]?.body).toContain('expects a weekly reading');
    const period = new Date(observed.getTime() + 9 * 24 * 60 * 60 * 1000).toISOString();
    const key = `measure-stale:${measureId}:${period.slice(0, 10)}`;
    expect(await storedKeys(t, member.user.id, `measure-stale:${measureId}`)).toEqual([key]);

    // Looking twice gives one notification.
    expect(await inboxOf(t, member, initiativeId, 'measure_stale')).toHaveLength(1);
    expect(await inboxOf(t, owner, initiativeId, 'measure_stale')).toEqual([]);

    // A newer reading that goes stale in turn opens a new period: one more.
    await createReading(t.sql, measureId, {
      value: 28,
      observedAt: daysAgo(12),
      recordedBy: member.user.id,
    });
    expect(await inboxOf(t, member, initiativeId, 'measure_stale')).toHaveLength(2);
    expect(await storedKeys(t, member.user.id, `measure-stale:${measureId}`)).toHaveLength(2);
    expect(await inboxOf(t, member, initiativeId, 'measure_stale')).toHaveLength(2);
  });

  it('without an (active) recorder the owner is nudged, linking the initiative', async () => {
    const initiativeId = await initiative();
    const unrecorded = await measure(initiativeId, { cadence: 'monthly', createdDaysAgo: 60 });
    const leaver = await createUser(t.sql, { role: 'member', active: false });
    const orphaned = await measure(initiativeId, { recorderId: leaver.id });
    const notes = await inboxOf(t, owner, initiativeId, 'measure_stale');
    expect(notes).toHaveLength(2);
    expect(notes.every((n) => n.link === `/initiatives/${initiativeId}`)).toBe(true);
    expect(notes.map((n) => n.body).join('\n')).toContain('it has no reading yet');
    const keys = await storedKeys(t, owner.user.id, 'measure-stale:');
    expect(keys.filter((k) => k.includes(unrecorded))).toHaveLength(1);
    expect(keys.filter((k) => k.includes(orphaned))).toHaveLength(1);
    const stored = await t.sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM notifications WHERE user_id = $1`,
      [leaver.id],
    );
    expect(stored.rows[0]?.n).toBe('0');
  });

  it('a measure read recently, or young, or of an initiative on hold is not stale', async () => {
    const initiativeId = await initiative();
    const fresh = await measure(initiativeId, { recorderId: member.user.id });
    await createReading(t.sql, fresh, {
      value: 1,
      observedAt: daysAgo(2),
      recordedBy: owner.user.id,
    });
    await measure(initiativeId, { recorderId: member.user.id, createdDaysAgo: 3 });
    await measure(initiativeId, {
      recorderId: member.user.id,
      cadence: 'quarterly',
      createdDaysAgo: 100,
    });
    const held = await initiative('on_hold');
    await measure(held, { recorderId: member.user.id });
    expect(await inboxOf(t, member, initiativeId, 'measure_stale')).toEqual([]);
    expect(await inboxOf(t, member, held, 'measure_stale')).toEqual([]);
  });

  it('counts the effective reading: a recent reading corrected to an old date is stale', async () => {
    const initiativeId = await initiative();
    const measureId = await measure(initiativeId, { recorderId: member.user.id });
    const recent = await createReading(t.sql, measureId, {
      value: 30,
      observedAt: daysAgo(2),
      recordedBy: member.user.id,
    });
    expect(await inboxOf(t, member, initiativeId, 'measure_stale')).toEqual([]);
    await createReading(t.sql, measureId, {
      value: 30,
      observedAt: daysAgo(30),
      recordedBy: member.user.id,
      supersedesId: recent,
    });
    expect(await inboxOf(t, member, initiativeId, 'measure_stale')).toHaveLength(1);
  });

  it("sweeps only for the user who looks: another user's stale measures wait for them", async () => {
    const recorder = await createUser(t.sql, { role: 'member' });
    const initiativeId = await initiative();
    await measure(initiativeId, { recorderId: recorder.id });
    await inbox(t, member);
    await inbox(t, owner);
    const before = await t.sql.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM notifications WHERE user_id = $1`,
      [recorder.id],
    );
    expect(before.rows[0]?.n).toBe('0');
    const session = await signInAs(t, recorder);
    expect(await inboxOf(t, session, initiativeId, 'measure_stale')).toHaveLength(1);
  });
});
