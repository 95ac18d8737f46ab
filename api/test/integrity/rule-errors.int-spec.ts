import { randomUUID } from 'node:crypto';
import { DOMAIN_ERROR_CODE_VALUES, type ProblemDetails } from '@waypoint/contracts';
import { createInitiative, createMeasure, createMilestone } from '../factories/domain';
import { signIn, type Session } from '../support/auth';
import { type Answer, send } from '../support/http';
import { useTestApp } from '../support/use-test-app';

type Problem = ProblemDetails & { blockers?: unknown[] };

/**
 * One error path: every rule refusal, whatever the endpoint, is a 422 problem with the rule's
 * `code`, its readable detail and, where fields are concerned, the messages per field.
 */
describe('rule refusals: one 422 shape with a code on every endpoint', () => {
  const t = useTestApp();
  let owner: Session;
  let executive: Session;
  let member: Session;
  let outsider: Session;
  let admin: Session;

  beforeAll(async () => {
    owner = await signIn(t, 'manager', { displayName: 'Olivia Owner' });
    executive = await signIn(t, 'executive', { displayName: 'Eve Executive' });
    member = await signIn(t, 'member', { displayName: 'Tim Team' });
    outsider = await signIn(t, 'member', { displayName: 'Otto Outsider' });
    admin = await signIn(t, 'admin', { displayName: 'Ada Admin' });
  });

  const initiative = (status: string): Promise<string> =>
    createInitiative(t.sql, {
      ownerId: owner.user.id,
      sponsorId: executive.user.id,
      teamIds: [member.user.id],
      status,
    });
  const ifMatch = (version: number): Record<string, string> => ({ 'If-Match': `"${version}"` });

  /** A 422 problem with `code`; returns it for the further checks. */
  const refused = (res: Answer, code: string, detail: RegExp | string): Problem => {
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = res.body as unknown as Problem;
    expect(problem).toMatchObject({ status: 422, title: 'Unprocessable Content', code });
    if (typeof detail === 'string') expect(problem.detail).toBe(detail);
    else expect(problem.detail).toMatch(detail);
    return problem;
  };

  it('a forbidden initiative move: code, the detail naming both statuses, no field errors', async () => {
    const id = await initiative('draft');
    const res = await send(
      t,
      admin,
      'POST',
      `/api/initiatives/${id}/transitions`,
      {
        to: 'completed',
      },
      ifMatch(1),
    );
    const problem = refused(
      res,
      'initiative_transition_forbidden',
      'An initiative cannot go from "draft" to "completed".',
    );
    expect(problem.errors).toBeUndefined();
  });

  it('a sponsor who is not an executive: reference_invalid with the message under sponsorId', async () => {
    const res = await send(t, owner, 'POST', '/api/initiatives', {
      title: 'Fewer repeat calls',
      approach: 'engineering',
      sponsorId: member.user.id,
    });
    const problem = refused(
      res,
      'reference_invalid',
      /^sponsorId: the sponsor must be an executive/,
    );
    expect(problem.errors).toEqual({
      sponsorId: [`the sponsor must be an executive; ${member.user.id} is a member.`],
    });
  });

  it('steps of an approved milestone: steps_closed', async () => {
    const id = await initiative('active');
    const milestoneId = await createMilestone(t.sql, id, { position: 1, state: 'approved' });
    const res = await send(t, owner, 'POST', `/api/milestones/${milestoneId}/steps`, {
      title: 'Too late',
    });
    const detail = 'The milestone is approved: its steps do not change any more.';
    expect(refused(res, 'steps_closed', detail).errors).toBeUndefined();
  });

  it('an assignee who is not on the team: assignee_not_on_team under assigneeId', async () => {
    const id = await initiative('active');
    const milestoneId = await createMilestone(t.sql, id, { position: 1, state: 'in_progress' });
    const res = await send(t, owner, 'POST', `/api/milestones/${milestoneId}/steps`, {
      title: 'Call back',
      assigneeId: outsider.user.id,
    });
    const detail = `The assignee ${outsider.user.id} is not an active member of the initiative's team nor its owner.`;
    expect(refused(res, 'assignee_not_on_team', detail).errors).toEqual({ assigneeId: [detail] });
  });

  it('a milestone moved before a started one: position_invalid under position', async () => {
    const id = await initiative('active');
    await createMilestone(t.sql, id, { position: 1, state: 'in_progress' });
    const second = await createMilestone(t.sql, id, { position: 2, title: 'Measure' });
    const res = await send(
      t,
      owner,
      'POST',
      `/api/milestones/${second}/reorder`,
      {
        position: 1,
      },
      ifMatch(1),
    );
    const detail = 'A milestone cannot move before milestone 1, which is in progress.';
    expect(refused(res, 'position_invalid', detail).errors).toEqual({ position: [detail] });
  });

  it('a counter-measure that is not a business measure: code and errors.counterMeasureId', async () => {
    const id = await initiative('active');
    const customer = await createMeasure(t.sql, id, { perspective: 'customer', name: 'Wait' });
    const res = await send(
      t,
      owner,
      'POST',
      `/api/initiatives/${id}/measures`,
      {
        name: 'Repeat calls',
        unit: '%',
        perspective: 'customer',
        direction: 'lower_is_better',
        baseline: 30,
        target: 10,
        cadence: 'monthly',
        kpiClass: 'customer_centric',
        counterMeasureId: customer,
      },
      { 'Idempotency-Key': randomUUID() },
    );
    const detail = 'The counter-measure must be a business measure; "Wait" is a customer measure.';
    expect(refused(res, 'counter_measure_invalid', detail).errors).toEqual({
      counterMeasureId: [detail],
    });
  });

  it('a blocked gate submission: every missing item in errors and in blockers', async () => {
    const id = await initiative('active');
    const milestoneId = await createMilestone(t.sql, id, {
      position: 1,
      state: 'in_progress',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      criteria: [{ id: 'c1', label: 'Call flow mapped', checked: false }],
    });
    const res = await send(
      t,
      owner,
      'POST',
      `/api/milestones/${milestoneId}/submit`,
      {},
      ifMatch(1),
    );
    const problem = refused(res, 'submission_blocked', /^The milestone cannot be submitted yet\./);
    expect(problem.errors).toEqual({ criteria: ['Exit criterion not met: "Call flow mapped".'] });
    expect(problem.blockers).toEqual([
      {
        kind: 'criterion_unchecked',
        criterionId: 'c1',
        label: 'Call flow mapped',
        message: 'Exit criterion not met: "Call flow mapped".',
      },
    ]);
  });

  it('an inverted cycle and deactivating oneself: their own codes', async () => {
    const cycle = await send(t, admin, 'POST', '/api/cycles', {
      name: 'Backwards',
      startsOn: '2030-04-01',
      endsOn: '2030-03-01',
    });
    refused(
      cycle,
      'cycle_period_invalid',
      'The cycle must end after it starts: 1 Mar 2030 is not after 1 Apr 2030.',
    );
    const self = await send(
      t,
      admin,
      'PATCH',
      `/api/users/${admin.user.id}`,
      { active: false },
      ifMatch(1),
    );
    expect(
      refused(self, 'self_deactivation', 'You cannot deactivate yourself.').errors,
    ).toBeUndefined();
  });

  it('keeps 404 and 412 of the repositories as they were, without a code', async () => {
    const id = await initiative('active');
    const milestoneId = await createMilestone(t.sql, id, { position: 1, state: 'in_progress' });
    const step = await send<{ id: string }>(
      t,
      owner,
      'POST',
      `/api/milestones/${milestoneId}/steps`,
      {
        title: 'Map the flow',
      },
    );
    expect(step.status).toBe(201);
    const stale = await send(
      t,
      owner,
      'DELETE',
      `/api/steps/${step.body.id}`,
      undefined,
      ifMatch(9),
    );
    expect(stale.status).toBe(412);
    expect(stale.body).not.toHaveProperty('code');
    const missing = await send(
      t,
      owner,
      'DELETE',
      `/api/steps/${randomUUID()}`,
      undefined,
      ifMatch(1),
    );
    expect(missing.status).toBe(404);
    expect(missing.body).not.toHaveProperty('code');
  });

  it('declares code (every rule code) and errors in the OpenAPI problem schema', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    const doc = (await res.json()) as {
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const properties = doc.components.schemas['ProblemDetailsDto']?.properties ?? {};
    expect(JSON.stringify(properties['code'])).toContain('DomainErrorCode');
    const codes = doc.components.schemas['DomainErrorCode'] as unknown as { enum: string[] };
    expect(codes.enum).toEqual([...DOMAIN_ERROR_CODE_VALUES]);
    expect(properties['errors']).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    });
  });
});
