import type {
  Approach,
  AuditEventResponse,
  DecisionOutcome,
  InitiativeStatus,
  KpiClass,
  MilestoneState,
  Perspective,
  ReviewDecision,
  StepStatus,
  WebhookDeliveryEvent,
  WebhookFormat,
} from '@waypoint/contracts';
import { ROLE_LABEL } from '../places';
import { formatDate, formatDateTime } from '../shared/format';
import {
  APPROACH_LABEL,
  AUDIT_ACTIONS,
  AUDIT_RECORD_LABEL,
  INTENT_LABEL,
  KPI_CLASS_LABEL,
  MILESTONE_STATE_LABEL,
  NO_VALUE,
  outcomeLabel,
  PERSPECTIVE_LABEL,
  plainWords,
  REVIEW_DECISION_LABEL,
  STATUS_LABEL,
  STEP_STATUS_LABEL,
  WEBHOOK_EVENT_LABEL,
  WEBHOOK_FORMAT_LABEL,
} from '../shared/vocabulary';

/** One changed field of an audit event, in words: what it was and what it became. */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

/** Fields every record has that say nothing to a reader of the trail. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'affectedSponsorships']);

/** How the trail names the fields it shows (others read as their words). */
const FIELD_LABEL: Readonly<Record<string, string>> = {
  displayName: 'Name',
  email: 'Email',
  role: 'Role',
  department: 'Department',
  active: 'Active',
  passwordSet: 'Password chosen',
  name: 'Name',
  title: 'Title',
  description: 'Description',
  intent: 'Intent',
  valueProposition: 'Value proposition',
  protected: 'Protected',
  startsOn: 'First day',
  endsOn: 'Last day',
  status: 'Status',
  state: 'State',
  sponsor: 'Sponsor',
  owner: 'Owner',
  dueDate: 'Due',
  url: 'Address',
  events: 'Events',
  format: 'Format',
  enabled: 'Enabled',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kind of record, as a person says it ("customer group"). */
export function recordLabel(entityType: string): string {
  return AUDIT_RECORD_LABEL[entityType] ?? plainWords(entityType);
}

/** The action as the trail's filter names it ("Froze a baseline"). */
export function actionLabel(action: string): string {
  const words = AUDIT_ACTIONS[action]?.label ?? plainWords(action);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The record's own name, from what the event kept of it: a name, a title or an email. */
export function recordName(event: Pick<AuditEventResponse, 'before' | 'after'>): string | null {
  for (const state of [event.after, event.before]) {
    if (!isRecord(state)) continue;
    for (const key of ['displayName', 'name', 'title', 'email']) {
      const value = state[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return null;
}

/** A value in the shape of a record's id: the trail names the record instead (its link). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A field that only points at other records by their ids: nothing a person can read. */
function isReferenceOnly(field: string, values: readonly unknown[]): boolean {
  if (/[a-z]Ids?$/.test(field)) return true;
  const present = values.filter((v) => v !== null && v !== undefined);
  const ids = (v: unknown): boolean =>
    (typeof v === 'string' && UUID.test(v)) || (Array.isArray(v) && v.every(ids));
  return present.length > 0 && present.every(ids);
}

function labelOf(field: string, value: string): string | null {
  const label = (labels: Readonly<Record<string, string>>): string | null => labels[value] ?? null;
  switch (field) {
    case 'role':
      return label(ROLE_LABEL);
    case 'status':
      // An initiative's status, or a step's (their codes do not overlap but for "done").
      return (
        STATUS_LABEL[value as InitiativeStatus] ?? STEP_STATUS_LABEL[value as StepStatus] ?? null
      );
    case 'state':
      return MILESTONE_STATE_LABEL[value as MilestoneState] ?? null;
    case 'intent':
      return label(INTENT_LABEL);
    case 'outcome':
      return outcomeLabel(value as DecisionOutcome);
    case 'decision':
      return REVIEW_DECISION_LABEL[value as ReviewDecision] ?? null;
    case 'perspective':
      return PERSPECTIVE_LABEL[value as Perspective] ?? null;
    case 'kpiClass':
      return KPI_CLASS_LABEL[value as KpiClass] ?? null;
    case 'approach':
      return APPROACH_LABEL[value as Approach] ?? null;
    case 'events':
      return WEBHOOK_EVENT_LABEL[value as WebhookDeliveryEvent] ?? null;
    case 'format':
      return WEBHOOK_FORMAT_LABEL[value as WebhookFormat] ?? null;
    default:
      return null;
  }
}

/** A field's value in words: labels for codes, dates in the app's style, names of references. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return NO_VALUE;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const label = labelOf(field, value);
    if (label) return label;
    if (DAY.test(value)) return formatDate(value);
    if (INSTANT.test(value)) return formatDateTime(value);
    return /^[a-z]+(_[a-z]+)+$/.test(value) ? plainWords(value) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((item) => valueText(field, item)).join(', ');
  }
  if (isRecord(value)) {
    const name = value['displayName'] ?? value['name'] ?? value['title'];
    if (typeof name === 'string') return name;
    return `${Object.keys(value).length} details`;
  }
  return NO_VALUE;
}

/** The field's name in words ("Value proposition"). */
export function fieldLabel(field: string): string {
  const words = FIELD_LABEL[field] ?? plainWords(field);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Before and after, field by field, in words: the fields that changed (a new record: every field
 * it was created with; a removed one: every field it had). Fields that only hold other records'
 * ids are left out: an id is not something a person reads, and the event links to its record.
 */
export function auditChanges(event: Pick<AuditEventResponse, 'before' | 'after'>): AuditChange[] {
  const before = isRecord(event.before) ? event.before : {};
  const after = isRecord(event.after) ? event.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => !HIDDEN_FIELDS.has(field) && !isReferenceOnly(field, [before[field], after[field]]),
  );
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({
      field: fieldLabel(field),
      before: field in before ? valueText(field, before[field]) : NO_VALUE,
      after: field in after ? valueText(field, after[field]) : NO_VALUE,
    }));
}

/** A status or state change of the event, " from Draft to Active", else "". */
function movement(event: Pick<AuditEventResponse, 'before' | 'after'>): string {
  if (!isRecord(event.before) || !isRecord(event.after)) return '';
  for (const field of ['status', 'state']) {
    const from = event.before[field];
    const to = event.after[field];
    if (typeof from === 'string' && typeof to === 'string' && from !== to) {
      return ` from ${valueText(field, from)} to ${valueText(field, to)}`;
    }
  }
  return '';
}

/**
 * The event as a sentence: "Ada Admin created the department “Support”", "Sam Rivera chose their
 * password", "Morgan moved the initiative “Faster refunds” from Draft to Proposed".
 */
export function auditSentence(
  event: Pick<
    AuditEventResponse,
    'action' | 'entityType' | 'entityId' | 'actorId' | 'before' | 'after'
  >,
  actorName: string | null,
): string {
  const who = actorName ?? 'Waypoint';
  if (event.action === 'set_password' && event.actorId === event.entityId) {
    return `${who} chose their password`;
  }
  const verb = AUDIT_ACTIONS[event.action]?.verb ?? plainWords(event.action);
  const name = recordName(event);
  const record = recordLabel(event.entityType);
  const article = /^[aeiou]/.test(record) ? 'an' : 'a';
  const what = name ? `the ${record} “${name}”` : `${article} ${record}`;
  return `${who} ${verb} ${what}${movement(event)}`;
}

/** The record kinds and actions the trail's filter offers, in words, sorted by their words. */
export function filterOptions(labels: Readonly<Record<string, string>>): Array<{
  value: string;
  label: string;
}> {
  return Object.entries(labels)
    .map(([value, label]) => ({ value, label: label.charAt(0).toUpperCase() + label.slice(1) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
