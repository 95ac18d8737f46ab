import {
  DECISION_OUTCOME_VALUES,
  type DecisionOutcome,
  INITIATIVE_STATUS_VALUES,
  type InitiativeStatus,
  type WebhookDeliveryEvent,
  type WebhookEvent,
  type WebhookFormat,
} from '@waypoint/contracts';
import { INITIATIVE_STATUS_WORDS, outcomeWords, WEBHOOK_EVENT_WORDS } from '@waypoint/domain';
import type { EventFacts } from './webhooks.repository';

/**
 * What a webhook is posted, as pure functions: the event in Waypoint's JSON (stored in the
 * delivery when the change commits), and its body in the chosen format (Slack's and Teams'
 * incoming-webhook messages are made from it when it is sent).
 */

/** A line for people: "Initiative: Faster refunds". */
export interface WebhookFact {
  label: string;
  value: string;
}

/** The Waypoint JSON body of a delivery (the `waypoint` format posts exactly this). */
export interface WebhookPayload {
  /** The event's id: the same in every webhook's delivery of one event. */
  id: string;
  type: WebhookDeliveryEvent;
  occurredAt: string;
  organisation: string;
  /** One sentence saying what happened. */
  summary: string;
  /** Where to see it in Waypoint. */
  url: string | null;
  initiative: { id: string; title: string; status: string } | null;
  actor: { id: string; name: string } | null;
  /** The event's own fields (ids and codes, for programs). */
  data: Record<string, unknown>;
  /** The same in words, as Slack and Teams show them. */
  facts: WebhookFact[];
}

/** An audited change, as the audit trail records it. */
export interface AuditedChange {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  initiativeId: string | null;
  before: object | null;
  after: object | null;
}

/** The webhook event an audited change is, or null when it is none. */
export function webhookEventOf(change: {
  entityType: string;
  action: string;
}): WebhookEvent | null {
  if (change.entityType === 'milestone' && change.action === 'submit') return 'gate_submitted';
  if (change.entityType === 'milestone' && change.action === 'decide') return 'gate_decided';
  if (change.entityType === 'alert' && change.action === 'raise') return 'alert_raised';
  if (change.entityType === 'initiative' && change.action === 'transition') {
    return 'initiative_status_changed';
  }
  return null;
}

function field(record: object | null, key: string): unknown {
  return record && key in record ? (record as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function statusWords(status: unknown): string {
  return INITIATIVE_STATUS_VALUES.includes(status as InitiativeStatus)
    ? INITIATIVE_STATUS_WORDS[status as InitiativeStatus]
    : String(status);
}

interface Frame {
  id: string;
  at: Date;
  origin: string;
  organisation: string;
}

/** The payload of an audited change that is a webhook event. */
export function payloadOf(
  type: WebhookEvent,
  change: AuditedChange,
  facts: EventFacts,
  frame: Frame,
): WebhookPayload {
  const initiative = facts.initiative;
  const named = initiative ? `“${initiative.title}”` : 'an initiative';
  const who = facts.actorName ?? 'Waypoint';
  const initiativeUrl = initiative ? `${frame.origin}/initiatives/${initiative.id}` : null;
  const base = {
    id: frame.id,
    type,
    occurredAt: frame.at.toISOString(),
    organisation: frame.organisation,
    initiative,
    actor: change.actorId && facts.actorName ? { id: change.actorId, name: facts.actorName } : null,
  };
  const initiativeFact: WebhookFact[] = initiative
    ? [{ label: 'Initiative', value: initiative.title }]
    : [];
  switch (type) {
    case 'gate_submitted': {
      const gate = facts.milestoneTitle ?? 'a gate';
      return {
        ...base,
        summary: `${who} submitted the gate “${gate}” of ${named} for decision.`,
        url: `${frame.origin}/approvals/${change.entityId}`,
        data: { milestone: { id: change.entityId, title: facts.milestoneTitle } },
        facts: [
          ...initiativeFact,
          { label: 'Gate', value: gate },
          { label: 'Submitted by', value: who },
        ],
      };
    }
    case 'gate_decided': {
      const gate = facts.milestoneTitle ?? 'a gate';
      const outcome = field(change.after, 'outcome');
      const words = DECISION_OUTCOME_VALUES.includes(outcome as DecisionOutcome)
        ? outcomeWords(outcome as DecisionOutcome)
        : String(outcome);
      return {
        ...base,
        summary: `${who} decided the gate “${gate}” of ${named}: ${words}.`,
        url: initiativeUrl,
        data: {
          milestone: { id: change.entityId, title: facts.milestoneTitle },
          outcome,
          decisionId: field(change.after, 'decisionId') ?? null,
        },
        facts: [
          ...initiativeFact,
          { label: 'Gate', value: gate },
          { label: 'Decision', value: words },
          { label: 'Decided by', value: who },
        ],
      };
    }
    case 'alert_raised': {
      const explanation = text(field(change.after, 'explanation')) ?? '';
      return {
        ...base,
        summary: `Tension alert on ${named}: ${explanation}`,
        url: initiativeUrl,
        data: {
          alert: {
            id: change.entityId,
            kind: field(change.after, 'kind') ?? null,
            severity: field(change.after, 'severity') ?? null,
            explanation,
          },
        },
        facts: [...initiativeFact, { label: 'Alert', value: explanation }],
      };
    }
    case 'initiative_status_changed': {
      const from = field(change.before, 'status');
      const to = field(change.after, 'status');
      return {
        ...base,
        summary: `${who} moved ${named} from ${statusWords(from)} to ${statusWords(to)}.`,
        url: initiativeUrl,
        data: { from, to, reason: field(change.after, 'reason') ?? null },
        facts: [
          ...initiativeFact,
          { label: 'From', value: statusWords(from) },
          { label: 'To', value: statusWords(to) },
          { label: 'By', value: who },
        ],
      };
    }
  }
}

/** The payload of the test an admin sends by hand. */
export function testPayload(webhookName: string, actorName: string, frame: Frame): WebhookPayload {
  return {
    id: frame.id,
    type: 'test',
    occurredAt: frame.at.toISOString(),
    organisation: frame.organisation,
    summary: `A test of the webhook “${webhookName}”, sent by ${actorName}.`,
    url: `${frame.origin}/admin/webhooks`,
    initiative: null,
    actor: null,
    data: {},
    facts: [{ label: 'Webhook', value: webhookName }],
  };
}

/** Slack's mrkdwn: &, < and > escaped (Slack reads <...> as a link or a mention). */
function slackEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The body posted in `format`: Waypoint's JSON as it is; a Slack incoming-webhook message
 * (`text` for notifications, Block Kit `blocks` for the channel); a Teams incoming-webhook
 * message carrying an Adaptive Card (what Teams' Workflows and its connectors accept).
 */
export function webhookBody(format: WebhookFormat, payload: WebhookPayload): object {
  const title = `${WEBHOOK_EVENT_WORDS[payload.type]} · ${payload.organisation}`;
  switch (format) {
    case 'waypoint':
      return payload;
    case 'slack': {
      const link = payload.url ? ` <${payload.url}|Open in Waypoint>` : '';
      return {
        text: `${slackEscape(payload.summary)}${link}`,
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: false } },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `${slackEscape(payload.summary)}${link}`.slice(0, 3000) },
          },
          ...(payload.facts.length > 0
            ? [
                {
                  type: 'section',
                  fields: payload.facts.slice(0, 10).map((fact) => ({
                    type: 'mrkdwn',
                    text: `*${slackEscape(fact.label)}*\n${slackEscape(fact.value)}`.slice(0, 2000),
                  })),
                },
              ]
            : []),
        ],
      };
    }
    case 'teams':
      return {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
                { type: 'TextBlock', text: payload.summary, wrap: true },
                ...(payload.facts.length > 0
                  ? [
                      {
                        type: 'FactSet',
                        facts: payload.facts.map((fact) => ({
                          title: fact.label,
                          value: fact.value,
                        })),
                      },
                    ]
                  : []),
              ],
              actions: payload.url
                ? [{ type: 'Action.OpenUrl', title: 'Open in Waypoint', url: payload.url }]
                : [],
            },
          },
        ],
      };
  }
}
