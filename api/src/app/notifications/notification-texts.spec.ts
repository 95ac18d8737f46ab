import {
  DECISION_OUTCOME_VALUES,
  NOTIFICATION_BODY_MAX_LENGTH,
  NOTIFICATION_TITLE_MAX_LENGTH,
} from '@waypoint/contracts';
import {
  alertRaisedText,
  clip,
  conditionsOpenText,
  gateDecidedText,
  gateSubmittedText,
  measureStaleText,
  outcomeLabel,
  plural,
  stepAssignedText,
  stepOverdueText,
  dayText,
  planReviewedText,
} from './notification-texts';

const milestone = { position: 2, title: 'Measure' };

describe('clip', () => {
  it('keeps a short text and cuts a long one to the limit, ending with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('exactly10!', 10)).toBe('exactly10!');
    const cut = clip('x'.repeat(20), 10);
    expect(cut).toBe(`${'x'.repeat(9)}…`);
    expect([...cut]).toHaveLength(10);
  });

  it('counts characters, not UTF-16 units, so it never splits an emoji', () => {
    expect(clip('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('plural and outcome labels', () => {
  it.each([
    [0, '0 open conditions'],
    [1, '1 open condition'],
    [3, '3 open conditions'],
  ])('%i', (count, expected) => {
    expect(plural(count, 'open condition')).toBe(expected);
  });

  it('labels every outcome in words', () => {
    expect(DECISION_OUTCOME_VALUES.map(outcomeLabel)).toEqual([
      'go',
      'go with conditions',
      'changes requested',
      'on hold',
      'rejected',
    ]);
  });
});

describe('the texts of each kind', () => {
  it('a submitted gate points the decider at the gate in Approvals', () => {
    expect(
      gateSubmittedText({
        initiativeTitle: 'Faster refunds',
        milestone: { ...milestone, id: 'm-2' },
        submitterName: 'Olivia',
      }),
    ).toEqual({
      kind: 'gate_submitted',
      title: 'Gate waiting for your decision: Measure',
      body: 'Olivia submitted milestone 2 "Measure" of "Faster refunds" for decision. The evidence snapshot is in Approvals.',
      link: '/approvals/m-2',
    });
  });

  it('a decision names the outcome, the conditions and the rationale, and links the initiative', () => {
    const decided = gateDecidedText({
      initiativeId: 'i-1',
      initiativeTitle: 'Faster refunds',
      milestone,
      deciderName: 'Eve',
      outcome: 'go_with_conditions',
      rationale: '  Good evidence.  ',
      conditions: ['Report churn monthly', 'Keep the NPS above 40'],
    });
    expect(decided).toEqual({
      kind: 'gate_decided',
      title: 'Gate decided (go with conditions): Measure',
      body:
        'Eve decided milestone 2 "Measure" of "Faster refunds": go with conditions. Rationale: Good evidence.\n' +
        '2 conditions to meet:\n- Report churn monthly\n- Keep the NPS above 40',
      link: '/initiatives/i-1',
    });
    const plainGo = gateDecidedText({
      initiativeId: 'i-1',
      initiativeTitle: 'Faster refunds',
      milestone,
      deciderName: 'Eve',
      outcome: 'go',
      rationale: '',
      conditions: [],
    });
    expect(plainGo.body).toBe('Eve decided milestone 2 "Measure" of "Faster refunds": go.');
  });

  it('an assignment points at My work, with the due date when there is one', () => {
    const base = {
      stepTitle: 'Map calls',
      initiativeTitle: 'Faster refunds',
      assignerName: 'Olivia',
    };
    expect(stepAssignedText({ ...base, dueDate: '2026-03-31' })).toEqual({
      kind: 'step_assigned',
      title: 'Step assigned to you: Map calls',
      body: 'Olivia assigned you "Map calls" in "Faster refunds", due 31 Mar 2026.',
      link: '/my-work',
    });
    expect(stepAssignedText({ ...base, dueDate: null }).body).toBe(
      'Olivia assigned you "Map calls" in "Faster refunds".',
    );
  });

  it('open conditions are counted in the title and listed in the body', () => {
    const one = conditionsOpenText({
      initiativeId: 'i-1',
      initiativeTitle: 'Faster refunds',
      milestone,
      conditions: ['Report churn monthly'],
    });
    expect(one.title).toBe('1 open condition from the last gate');
    expect(one.body).toBe(
      'milestone 2 "Measure" of "Faster refunds" has started while this condition is still open:\n- Report churn monthly',
    );
    const two = conditionsOpenText({
      initiativeId: 'i-1',
      initiativeTitle: 'Faster refunds',
      milestone,
      conditions: ['A', 'B'],
    });
    expect(two.title).toBe('2 open conditions from the last gate');
    expect(two.body).toContain('these conditions are still open:\n- A\n- B');
    expect(two.link).toBe('/initiatives/i-1');
  });

  it('a raised alert says what moved and where to acknowledge it, critical ones in the title', () => {
    const facts = {
      initiativeId: 'i-1',
      initiativeTitle: 'Self-service',
      cycleName: '2026-Q4',
      critical: true,
      explanation: 'Customer value fell from 50% to 10% (-40 points).',
    };
    expect(alertRaisedText(facts)).toEqual({
      kind: 'alert_raised',
      title: 'Critical tension alert: Self-service',
      body: 'Customer value fell from 50% to 10% (-40 points). Acknowledge it on the initiative with a note of what you will do (2026-Q4).',
      link: '/initiatives/i-1',
    });
    expect(alertRaisedText({ ...facts, critical: false }).title).toBe(
      'Tension alert: Self-service',
    );
  });

  it('an overdue step says when it was due and where it stands', () => {
    const facts = {
      stepTitle: 'Map calls',
      initiativeTitle: 'Faster refunds',
      dueDate: '2026-01-02',
    };
    expect(stepOverdueText({ ...facts, status: 'todo' })).toEqual({
      kind: 'step_overdue',
      title: 'Step overdue: Map calls',
      body: '"Map calls" in "Faster refunds" was due 2 Jan 2026 and is still to do.',
      link: '/my-work',
    });
    expect(stepOverdueText({ ...facts, status: 'blocked' }).body).toContain('and is blocked.');
  });

  it('a stale measure names the cadence and the last reading; recorders go to its reading form', () => {
    const facts = {
      measureId: 'm-1',
      measureName: 'Wait',
      initiativeId: 'i-1',
      initiativeTitle: 'Faster refunds',
      cadence: 'weekly' as const,
      lastReadingAt: new Date('2026-01-01T10:00:00Z'),
      staleSince: new Date('2026-01-10T10:00:00Z'),
    };
    const toRecorder = measureStaleText({ ...facts, toRecorder: true });
    expect(toRecorder).toEqual({
      kind: 'measure_stale',
      title: 'Reading overdue: Wait',
      body: '"Wait" of "Faster refunds" expects a weekly reading; the last reading was observed on 1 Jan 2026. It is stale since 10 Jan 2026. Record a reading so that progress stays current.',
      link: '/my-work?record=m-1',
    });
    const toOwner = measureStaleText({ ...facts, lastReadingAt: null, toRecorder: false });
    expect(toOwner.body).toContain('it has no reading yet.');
    expect(toOwner.link).toBe('/initiatives/i-1');
  });

  it('cuts titles and bodies to the column limits', () => {
    const long = 'y'.repeat(5000);
    const note = gateDecidedText({
      initiativeId: 'i',
      initiativeTitle: long,
      milestone: { position: 1, title: long },
      deciderName: 'Eve',
      outcome: 'rejected',
      rationale: long,
      conditions: [],
    });
    expect([...note.title]).toHaveLength(NOTIFICATION_TITLE_MAX_LENGTH);
    expect([...note.body]).toHaveLength(NOTIFICATION_BODY_MAX_LENGTH);
  });
});

describe('dayText', () => {
  it.each([
    ['2026-12-06', '6 Dec 2026'],
    ['2030-04-15', '15 Apr 2030'],
    ['2027-01-31', '31 Jan 2027'],
  ])('writes %s as %s', (day, text) => {
    expect(dayText(day)).toBe(text);
  });
});

describe('planReviewedText', () => {
  const facts = {
    initiativeId: 'i1',
    initiativeTitle: 'Faster refunds',
    sponsorName: 'Erin',
    accepted: false,
    note: '  Add a counter-measure.  ',
  };

  it('sends back with the reason, to the initiative', () => {
    expect(planReviewedText(facts)).toEqual({
      kind: 'plan_reviewed',
      title: 'Plan sent back for rework: Faster refunds',
      body: 'Erin sent the plan of "Faster refunds" back for rework. Reason: Add a counter-measure.',
      link: '/initiatives/i1',
    });
  });

  it('accepts without a reason', () => {
    expect(planReviewedText({ ...facts, accepted: true, note: '' }).body).toBe(
      'Erin accepted the plan of "Faster refunds": work on the first milestone can start.',
    );
  });
});
