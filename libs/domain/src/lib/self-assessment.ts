import {
  type Approach,
  SELF_ASSESSMENT_AREA_VALUES,
  SELF_ASSESSMENT_MIN_ANSWERS,
  SELF_ASSESSMENT_SCORE_MAX,
  SELF_ASSESSMENT_SCORE_MIN,
  type SelfAssessmentArea,
  type SelfAssessmentAreaKind,
  type SelfAssessmentScore,
  type SelfAssessmentSuggestion,
} from '@waypoint/contracts';

/** One statement of the self-assessment, in the seeds' own words. */
export interface SelfAssessmentStatement {
  area: SelfAssessmentArea;
  kind: SelfAssessmentAreaKind;
  /** The principle's or attention area's name, as the seed writes it. */
  title: string;
  /** A word or two for a chart's axis and a comment's label (at most 12 characters). */
  short: string;
  /** What a person scores from 1 (not at all) to 5 (fully). */
  statement: string;
  /** The road (seed 001) whose initiative template works on this area when it is weak. */
  road: Approach;
}

/**
 * The question sets, by version. An assessment stores the version it asked, so its results are
 * read against the statements people saw; a change of wording is a new version, never an edit.
 *
 * Version 1: the five principles of customer-centric leadership (seed 002, its summary) and the
 * six attention areas (seed 004). The road of each area:
 * - strategic differentiator (mission baked into the value proposition, employees identify with
 *   it): existing for customers, people connected on value, leadership support;
 * - best customer (segmentation: some customers are more equal): not all customers are equal;
 * - engineering (six sigma applied across the board): systems that deliver value, breaking silos;
 * - competing values (early warnings when one value acts to the detriment of the other):
 *   progressive improvement (managing the tension), showing the money, adapting the KPIs;
 * - consumer insight (into the mind of the customer): involving everyone in customer research,
 *   a mindset that relies on the customer facts.
 */
export const SELF_ASSESSMENT_QUESTION_SETS: Readonly<
  Record<number, readonly SelfAssessmentStatement[]>
> = {
  1: [
    {
      area: 'exist_for_customers',
      kind: 'principle',
      title: 'Businesses exist for customers',
      short: 'Customers',
      statement:
        'Our leaders consistently put the focus on the customer and the value we need to deliver for them.',
      road: 'strategic_differentiator',
    },
    {
      area: 'all_about_people',
      kind: 'principle',
      title: 'It’s all about people',
      short: 'People',
      statement:
        'We connect with customers on value (not what we do, the value customers get from that); our purpose is about the value we deliver for customers.',
      road: 'strategic_differentiator',
    },
    {
      area: 'customers_not_equal',
      kind: 'principle',
      title: 'Not all customers are equal',
      short: 'Groups',
      statement:
        'We know our customer groups, what we are trying to achieve with each group, and we have clear value propositions to communicate with them.',
      road: 'best_customer',
    },
    {
      area: 'systems_deliver_value',
      kind: 'principle',
      title: 'Businesses are systems that deliver value',
      short: 'Systems',
      statement:
        'Our systems, processes and people are aligned across the value delivery system, even across functions and silos.',
      road: 'engineering',
    },
    {
      area: 'progressive_improvement',
      kind: 'principle',
      title: 'The need for progressive improvement',
      short: 'Improvement',
      statement:
        'We recognise that the expectations of customers change, align our improvement efforts with the delivery of customer value, and communicate the progress we are making.',
      road: 'competing_values',
    },
    {
      area: 'show_the_money',
      kind: 'attention_area',
      title: 'Show them the money',
      short: 'Money',
      statement:
        'Our conversations about customer centricity start with the money: the measurable profits we make by making customers happy.',
      road: 'competing_values',
    },
    {
      area: 'involve_everyone',
      kind: 'attention_area',
      title: 'Involve everyone',
      short: 'Everyone',
      statement:
        'Everyone in the business takes part in the customer research conversations and has formulated what being customer-centric means in their job.',
      road: 'consumer_insight',
    },
    {
      area: 'adapt_the_kpis',
      kind: 'attention_area',
      title: 'Adapt the KPIs',
      short: 'KPIs',
      statement:
        'Every KPI we face encourages people to do what is right for the customer: none of them is customer-toxic.',
      road: 'competing_values',
    },
    {
      area: 'leadership_support',
      kind: 'attention_area',
      title: 'Back it with leadership support',
      short: 'Leadership',
      statement:
        'Our leaders allocate resources to the right places, encourage the right behaviours, forgive well-intended mistakes and set the example by talking to customers.',
      road: 'strategic_differentiator',
    },
    {
      area: 'break_the_silos',
      kind: 'attention_area',
      title: 'Break the silos',
      short: 'Silos',
      statement:
        'Cross-functional teams are created and resourced to deliver what is right for the customer and for the business, across departments.',
      road: 'engineering',
    },
    {
      area: 'mindset_and_completion',
      kind: 'attention_area',
      title: 'Focus on mindset and completion',
      short: 'Mindset',
      statement:
        'We rely on the customer facts, and on a mindset in which everyone knows what matters most and is free to do it.',
      road: 'consumer_insight',
    },
  ],
};

/** The version new assessments ask. */
export const SELF_ASSESSMENT_QUESTION_SET_VERSION = 1;

/** How many of the weakest areas suggest a road. */
export const SELF_ASSESSMENT_SUGGESTIONS = 2;

/** The statements of a version (an unknown version has none). */
export function selfAssessmentStatements(version: number): readonly SelfAssessmentStatement[] {
  return SELF_ASSESSMENT_QUESTION_SETS[version] ?? [];
}

/** The statement of an area in a version, if it asks it. */
export function selfAssessmentStatement(
  version: number,
  area: SelfAssessmentArea,
): SelfAssessmentStatement | undefined {
  return selfAssessmentStatements(version).find((s) => s.area === area);
}

/**
 * What is wrong with an answer to the statements of `version`, `field: message` per problem
 * (empty: it holds): every statement scored exactly once, each score a whole number 1 to 5.
 */
export function selfAssessmentAnswerProblems(
  version: number,
  scores: readonly SelfAssessmentScore[],
): string[] {
  const asked = selfAssessmentStatements(version).map((s) => s.area);
  const problems: string[] = [];
  const seen = new Set<SelfAssessmentArea>();
  for (const score of scores) {
    if (!asked.includes(score.area)) {
      problems.push(`scores: this assessment does not ask about ${score.area}.`);
    } else if (seen.has(score.area)) {
      problems.push(`scores: ${score.area} is scored twice.`);
    }
    seen.add(score.area);
    if (
      !Number.isInteger(score.score) ||
      score.score < SELF_ASSESSMENT_SCORE_MIN ||
      score.score > SELF_ASSESSMENT_SCORE_MAX
    ) {
      problems.push(
        `scores: each score is a whole number from ${SELF_ASSESSMENT_SCORE_MIN} to ${SELF_ASSESSMENT_SCORE_MAX}.`,
      );
    }
  }
  const missing = asked.filter((area) => !seen.has(area));
  if (missing.length > 0)
    problems.push(`scores: score every statement (${missing.length} missing).`);
  return problems;
}

/** Whether results of this many answers may be shown: only for groups of five or more. */
export function selfAssessmentShown(answerCount: number): boolean {
  return answerCount >= SELF_ASSESSMENT_MIN_ANSWERS;
}

/** What the results say below the minimum, e.g. "Not enough answers yet (3 of 5)"; null when shown. */
export function notEnoughAnswersText(answerCount: number): string | null {
  return selfAssessmentShown(answerCount)
    ? null
    : `Not enough answers yet (${answerCount} of ${SELF_ASSESSMENT_MIN_ANSWERS})`;
}

/** The mean score of each area over the answers (areas nobody scored are left out). */
export function selfAssessmentAverages(
  answers: readonly (readonly SelfAssessmentScore[])[],
): Map<SelfAssessmentArea, number> {
  const sums = new Map<SelfAssessmentArea, { sum: number; count: number }>();
  for (const answer of answers) {
    for (const { area, score } of answer) {
      const entry = sums.get(area) ?? { sum: 0, count: 0 };
      sums.set(area, { sum: entry.sum + score, count: entry.count + 1 });
    }
  }
  const averages = new Map<SelfAssessmentArea, number>();
  for (const area of SELF_ASSESSMENT_AREA_VALUES) {
    const entry = sums.get(area);
    if (entry) averages.set(area, entry.sum / entry.count);
  }
  return averages;
}

/**
 * The weakest areas (lowest mean first; ties in the order of the question set), at most
 * {@link SELF_ASSESSMENT_SUGGESTIONS}, each with the road that works on it. An area scored 4 or
 * more on average is not weak and suggests nothing.
 */
export function selfAssessmentSuggestions(
  version: number,
  averages: ReadonlyMap<SelfAssessmentArea, number>,
): SelfAssessmentSuggestion[] {
  return selfAssessmentStatements(version)
    .flatMap((statement, order) => {
      const average = averages.get(statement.area);
      return average === undefined || average >= 4 ? [] : [{ statement, average, order }];
    })
    .sort((a, b) => a.average - b.average || a.order - b.order)
    .slice(0, SELF_ASSESSMENT_SUGGESTIONS)
    .map(({ statement }) => ({ area: statement.area, road: statement.road }));
}

/**
 * Whether a person is among those an assessment asks: everyone for the organisation's
 * (no department), the department's people for a department's.
 */
export function selfAssessmentInScope(
  assessmentDepartmentId: string | null,
  personDepartmentId: string | null,
): boolean {
  return assessmentDepartmentId === null || assessmentDepartmentId === personDepartmentId;
}
