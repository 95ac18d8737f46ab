import {
  type Cadence,
  type DecisionOutcome,
  NOTIFICATION_BODY_MAX_LENGTH,
  NOTIFICATION_LINK_MAX_LENGTH,
  NOTIFICATION_TITLE_MAX_LENGTH,
  type NotificationKind,
  type StepStatus,
} from '@waypoint/contracts';
import { formatDay, outcomeWords } from '@waypoint/domain';

/**
 * What each notification says and where it links: pure functions, one per kind, so that the
 * events of the API and the sweep word them the same way. Texts are cut to the column limits.
 */

/** A notification before it has a recipient. */
export interface NotificationText {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

/** Web paths the notifications point at. */
export const links = {
  initiative: (id: string): string => `/initiatives/${id}`,
  approvals: '/approvals',
  /** The gate page of a submitted milestone (its evidence and the decision form). */
  gate: (milestoneId: string): string => `/approvals/${milestoneId}`,
  myWork: '/my-work',
  /** My work with the reading form of the measure open: one click from a nudge to a reading. */
  recordReading: (measureId: string): string => `/my-work?record=${encodeURIComponent(measureId)}`,
} as const;

const ELLIPSIS = '…';

/** The text cut to `max` characters (code points), ending with "…" when it was cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
}

function text(kind: NotificationKind, title: string, body: string, link: string): NotificationText {
  return {
    kind,
    title: clip(title, NOTIFICATION_TITLE_MAX_LENGTH),
    body: clip(body, NOTIFICATION_BODY_MAX_LENGTH),
    link: clip(link, NOTIFICATION_LINK_MAX_LENGTH),
  };
}

/** "1 open condition", "3 open conditions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The outcome in words (libs/domain, the same words as the decision refusals). */
export function outcomeLabel(outcome: DecisionOutcome): string {
  return outcomeWords(outcome);
}

export interface MilestoneFacts {
  position: number;
  title: string;
}

const milestoneName = (m: MilestoneFacts): string => `milestone ${m.position} "${m.title}"`;

export function gateSubmittedText(facts: {
  initiativeTitle: string;
  milestone: MilestoneFacts & { id: string };
  submitterName: string;
}): NotificationText {
  return text(
    'gate_submitted',
    `Gate waiting for your decision: ${facts.milestone.title}`,
    `${facts.submitterName} submitted ${milestoneName(facts.milestone)} of ` +
      `"${facts.initiativeTitle}" for decision. The evidence snapshot is in Approvals.`,
    links.gate(facts.milestone.id),
  );
}

export function gateDecidedText(facts: {
  initiativeId: string;
  initiativeTitle: string;
  milestone: MilestoneFacts;
  deciderName: string;
  outcome: DecisionOutcome;
  rationale: string;
  /** The conditions of a "go with conditions", listed so the team (and its email) reads them. */
  conditions: readonly string[];
}): NotificationText {
  const parts = [
    `${facts.deciderName} decided ${milestoneName(facts.milestone)} of ` +
      `"${facts.initiativeTitle}": ${outcomeLabel(facts.outcome)}.`,
  ];
  if (facts.rationale.trim() !== '') parts.push(`Rationale: ${facts.rationale.trim()}`);
  const count = facts.conditions.length;
  const listed = facts.conditions.map((condition) => `\n- ${condition}`).join('');
  const conditions = count > 0 ? `\n${plural(count, 'condition')} to meet:${listed}` : '';
  return text(
    'gate_decided',
    `Gate decided (${outcomeLabel(facts.outcome)}): ${facts.milestone.title}`,
    parts.join(' ') + conditions,
    links.initiative(facts.initiativeId),
  );
}

export function stepAssignedText(facts: {
  stepTitle: string;
  initiativeTitle: string;
  assignerName: string;
  dueDate: string | null;
}): NotificationText {
  const due = facts.dueDate ? `, due ${dayText(facts.dueDate)}` : '';
  return text(
    'step_assigned',
    `Step assigned to you: ${facts.stepTitle}`,
    `${facts.assignerName} assigned you "${facts.stepTitle}" in "${facts.initiativeTitle}"${due}.`,
    links.myWork,
  );
}

export function conditionsOpenText(facts: {
  initiativeId: string;
  initiativeTitle: string;
  milestone: MilestoneFacts;
  conditions: readonly string[];
}): NotificationText {
  const count = facts.conditions.length;
  const listed = facts.conditions.map((condition) => `- ${condition}`).join('\n');
  return text(
    'conditions_open',
    `${plural(count, 'open condition')} from the last gate`,
    `${milestoneName(facts.milestone)} of "${facts.initiativeTitle}" has started while ` +
      `${count === 1 ? 'this condition is' : 'these conditions are'} still open:\n${listed}`,
    links.initiative(facts.initiativeId),
  );
}

export function stepOverdueText(facts: {
  stepTitle: string;
  initiativeTitle: string;
  dueDate: string;
  status: StepStatus;
}): NotificationText {
  return text(
    'step_overdue',
    `Step overdue: ${facts.stepTitle}`,
    `"${facts.stepTitle}" in "${facts.initiativeTitle}" was due ${dayText(facts.dueDate)} and is ` +
      `${facts.status === 'todo' ? 'still to do' : facts.status}.`,
    links.myWork,
  );
}

export function measureStaleText(facts: {
  measureId: string;
  measureName: string;
  initiativeId: string;
  initiativeTitle: string;
  cadence: Cadence;
  lastReadingAt: Date | null;
  staleSince: Date | null;
  /**
   * The recorder is nudged towards the reading form on My work; the owner (no recorder) towards
   * the initiative.
   */
  toRecorder: boolean;
}): NotificationText {
  const last = facts.lastReadingAt
    ? `the last reading was observed on ${dayText(isoDate(facts.lastReadingAt))}`
    : 'it has no reading yet';
  const since = facts.staleSince ? ` It is stale since ${dayText(isoDate(facts.staleSince))}.` : '';
  return text(
    'measure_stale',
    `Reading overdue: ${facts.measureName}`,
    `"${facts.measureName}" of "${facts.initiativeTitle}" expects a ${facts.cadence} reading; ` +
      `${last}.${since} Record a reading so that progress stays current.`,
    facts.toRecorder ? links.recordReading(facts.measureId) : links.initiative(facts.initiativeId),
  );
}

export function planReviewedText(facts: {
  initiativeId: string;
  initiativeTitle: string;
  sponsorName: string;
  accepted: boolean;
  note: string;
}): NotificationText {
  const note = facts.note.trim();
  const title = facts.accepted
    ? `Plan accepted: ${facts.initiativeTitle}`
    : `Plan sent back for rework: ${facts.initiativeTitle}`;
  const body = facts.accepted
    ? `${facts.sponsorName} accepted the plan of "${facts.initiativeTitle}": work on the first milestone can start.`
    : `${facts.sponsorName} sent the plan of "${facts.initiativeTitle}" back for rework.`;
  return text(
    'plan_reviewed',
    title,
    note ? `${body} Reason: ${note}` : body,
    links.initiative(facts.initiativeId),
  );
}

/** The value engine raised a tension alert (issue 13): what it says, and where to answer it. */
export function alertRaisedText(facts: {
  initiativeId: string;
  initiativeTitle: string;
  cycleName: string;
  critical: boolean;
  explanation: string;
}): NotificationText {
  return text(
    'alert_raised',
    `${facts.critical ? 'Critical tension alert' : 'Tension alert'}: ${facts.initiativeTitle}`,
    `${facts.explanation} Acknowledge it on the initiative with a note of what you will do ` +
      `(${facts.cycleName}).`,
    links.initiative(facts.initiativeId),
  );
}

/** A manager triaged an idea (merged, declined with a reason, or promoted): to its submitter. */
export function ideaTriagedText(facts: {
  ideaId: string;
  ideaTitle: string;
  managerName: string;
  outcome: 'merged' | 'declined' | 'promoted';
  reason?: string;
  intoTitle?: string;
  initiativeTitle?: string;
}): NotificationText {
  const idea = `"${facts.ideaTitle}"`;
  const [title, body] =
    facts.outcome === 'declined'
      ? [
          `Idea declined: ${facts.ideaTitle}`,
          `${facts.managerName} declined your idea ${idea}. Reason: ${facts.reason ?? ''}`,
        ]
      : facts.outcome === 'merged'
        ? [
            `Idea merged: ${facts.ideaTitle}`,
            `${facts.managerName} merged your idea ${idea} into "${facts.intoTitle ?? ''}": your voice counts there as a "me too".`,
          ]
        : [
            `Idea promoted: ${facts.ideaTitle}`,
            `${facts.managerName} planned the initiative "${facts.initiativeTitle ?? ''}" from your idea ${idea}.`,
          ];
  return text('idea_triaged', title, body, `/ideas/${facts.ideaId}`);
}

/** YYYY-MM-DD of a moment, in UTC. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * A day (YYYY-MM-DD) as people read it, "15 Apr 2030": libs/domain `formatDay`, the one date
 * style of the app, so a notification's text reads like the rest of it.
 */
export function dayText(day: string): string {
  return formatDay(day);
}
