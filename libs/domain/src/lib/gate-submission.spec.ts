import { SubmissionBlockedError } from './errors';
import { assertSubmittable, submissionBlockers, type SubmissionInput } from './gate-submission';
import { day, daysAfter } from '../test/factories';

const startedAt = day('2026-10-01');

function input(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    criteria: [{ id: 'c1', label: 'Pilot run in two stores', checked: true }],
    linkedMeasures: [{ id: 'm1', name: 'NPS', lastReadingAt: daysAfter(startedAt, 3) }],
    startedAt,
    ...overrides,
  };
}

describe('submissionBlockers', () => {
  it('is empty when every criterion is checked and every measure read since the start', () => {
    expect(submissionBlockers(input())).toEqual([]);
    expect(() => assertSubmittable(input())).not.toThrow();
  });

  it('counts a reading taken exactly at the start', () => {
    const linkedMeasures = [{ id: 'm1', name: 'NPS', lastReadingAt: startedAt }];
    expect(submissionBlockers(input({ linkedMeasures }))).toEqual([]);
  });

  it('accepts a milestone without linked measures', () => {
    expect(submissionBlockers(input({ linkedMeasures: [] }))).toEqual([]);
  });

  it('names every missing item precisely, criteria first, in input order', () => {
    const blockers = submissionBlockers(
      input({
        criteria: [
          { id: 'c1', label: 'Pilot run in two stores', checked: false },
          { id: 'c2', label: 'Budget signed', checked: true },
          { id: 'c3', label: 'Staff trained', checked: false },
        ],
        linkedMeasures: [
          { id: 'm1', name: 'NPS', lastReadingAt: null },
          { id: 'm2', name: 'Cost to serve', lastReadingAt: new Date(startedAt.getTime() - 1) },
          { id: 'm3', name: 'Wait time', lastReadingAt: daysAfter(startedAt, 1) },
        ],
      }),
    );
    expect(blockers).toEqual([
      {
        kind: 'criterion_unchecked',
        criterionId: 'c1',
        label: 'Pilot run in two stores',
        message: 'Exit criterion not met: "Pilot run in two stores".',
      },
      {
        kind: 'criterion_unchecked',
        criterionId: 'c3',
        label: 'Staff trained',
        message: 'Exit criterion not met: "Staff trained".',
      },
      {
        kind: 'measure_not_read',
        measureId: 'm1',
        name: 'NPS',
        message: 'No reading of "NPS" since the milestone started on 1 Oct 2026.',
      },
      {
        kind: 'measure_not_read',
        measureId: 'm2',
        name: 'Cost to serve',
        message: 'No reading of "Cost to serve" since the milestone started on 1 Oct 2026.',
      },
    ]);
  });

  it('refuses a milestone without exit criteria', () => {
    expect(submissionBlockers(input({ criteria: [] }))).toEqual([
      { kind: 'no_exit_criteria', message: 'The milestone has no exit criteria to check.' },
    ]);
  });

  it('throws a typed error listing every blocker', () => {
    const blocked = input({
      criteria: [{ id: 'c1', label: 'Staff trained', checked: false }],
      linkedMeasures: [{ id: 'm1', name: 'NPS', lastReadingAt: null }],
    });
    let caught: unknown;
    try {
      assertSubmittable(blocked);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SubmissionBlockedError);
    expect(caught).toMatchObject({
      code: 'submission_blocked',
      blockers: [
        { kind: 'criterion_unchecked', message: 'Exit criterion not met: "Staff trained".' },
        {
          kind: 'measure_not_read',
          message: 'No reading of "NPS" since the milestone started on 1 Oct 2026.',
        },
      ],
      errors: {
        criteria: ['Exit criterion not met: "Staff trained".'],
        measures: ['No reading of "NPS" since the milestone started on 1 Oct 2026.'],
      },
    });
  });
});
