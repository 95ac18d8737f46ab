import fc from 'fast-check';
import { APPROACH_VALUES, SELF_ASSESSMENT_AREA_VALUES } from '@waypoint/contracts';
import type { SelfAssessmentScore } from '@waypoint/contracts';
import {
  notEnoughAnswersText,
  SELF_ASSESSMENT_QUESTION_SET_VERSION,
  selfAssessmentAnswerProblems,
  selfAssessmentAverages,
  selfAssessmentShown,
  selfAssessmentStatements,
  selfAssessmentSuggestions,
} from './self-assessment';

const current = SELF_ASSESSMENT_QUESTION_SET_VERSION;
const all = (score: number): SelfAssessmentScore[] =>
  SELF_ASSESSMENT_AREA_VALUES.map((area) => ({ area, score }));

describe('the self-assessment question set', () => {
  it('asks the five principles and the six attention areas, each once', () => {
    const statements = selfAssessmentStatements(current);
    expect(statements.map((s) => s.area)).toEqual([...SELF_ASSESSMENT_AREA_VALUES]);
    expect(statements.filter((s) => s.kind === 'principle')).toHaveLength(5);
    expect(statements.filter((s) => s.kind === 'attention_area')).toHaveLength(6);
  });

  it('maps the areas onto every one of the five roads', () => {
    const roads = new Set(selfAssessmentStatements(current).map((s) => s.road));
    expect([...roads].sort()).toEqual([...APPROACH_VALUES].sort());
  });

  it('names every area in at most 12 characters for a chart', () => {
    for (const s of selfAssessmentStatements(current))
      expect(s.short.length).toBeLessThanOrEqual(12);
  });

  it('has no statements for an unknown version', () => {
    expect(selfAssessmentStatements(99)).toEqual([]);
  });
});

describe('selfAssessmentAnswerProblems', () => {
  it.each<[string, SelfAssessmentScore[], string[]]>([
    ['every statement scored once', all(3), []],
    ['one missing', all(3).slice(1), ['scores: score every statement (1 missing).']],
    [
      'one twice',
      [...all(3), { area: 'show_the_money', score: 2 }],
      ['scores: show_the_money is scored twice.'],
    ],
    [
      'a score of 6',
      all(3).map((s, i) => (i === 0 ? { ...s, score: 6 } : s)),
      ['scores: each score is a whole number from 1 to 5.'],
    ],
    [
      'a score of 2.5',
      all(3).map((s, i) => (i === 0 ? { ...s, score: 2.5 } : s)),
      ['scores: each score is a whole number from 1 to 5.'],
    ],
  ])('%s', (_label, scores, problems) => {
    expect(selfAssessmentAnswerProblems(current, scores)).toEqual(problems);
  });

  it('refuses every answer to a version it does not know', () => {
    expect(selfAssessmentAnswerProblems(99, all(3))).toHaveLength(11);
  });
});

describe('anonymity below five answers', () => {
  it.each([
    [0, false, 'Not enough answers yet (0 of 5)'],
    [3, false, 'Not enough answers yet (3 of 5)'],
    [4, false, 'Not enough answers yet (4 of 5)'],
    [5, true, null],
    [12, true, null],
  ])('%i answers: shown %s', (count, shown, text) => {
    expect(selfAssessmentShown(count)).toBe(shown);
    expect(notEnoughAnswersText(count)).toBe(text);
  });
});

describe('selfAssessmentAverages and selfAssessmentSuggestions', () => {
  it('averages each area over the answers', () => {
    const averages = selfAssessmentAverages([all(2), all(3), all(5)]);
    expect(averages.get('adapt_the_kpis')).toBeCloseTo(10 / 3);
    expect(averages.size).toBe(11);
  });

  it('suggests the road of the two weakest areas, weakest first, ties in question order', () => {
    const answer = all(4).map((s) =>
      s.area === 'adapt_the_kpis'
        ? { ...s, score: 1 }
        : s.area === 'customers_not_equal' || s.area === 'break_the_silos'
          ? { ...s, score: 2 }
          : s,
    );
    expect(selfAssessmentSuggestions(current, selfAssessmentAverages([answer]))).toEqual([
      { area: 'adapt_the_kpis', road: 'competing_values' },
      { area: 'customers_not_equal', road: 'best_customer' },
    ]);
  });

  it('suggests nothing when every area averages 4 or more', () => {
    expect(selfAssessmentSuggestions(current, selfAssessmentAverages([all(4), all(5)]))).toEqual(
      [],
    );
  });

  it('never suggests more than two roads, and only for areas below 4', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 11, maxLength: 11 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (raw) => {
          const answers = raw.map((scores) =>
            SELF_ASSESSMENT_AREA_VALUES.map((area, i) => ({ area, score: scores[i] ?? 1 })),
          );
          const averages = selfAssessmentAverages(answers);
          const suggestions = selfAssessmentSuggestions(current, averages);
          expect(suggestions.length).toBeLessThanOrEqual(2);
          for (const s of suggestions) expect(averages.get(s.area)).toBeLessThan(4);
        },
      ),
    );
  });
});
