import { payloadOf, webhookBody, webhookEventOf, type WebhookPayload } from './webhook-payloads';

const frame = {
  id: 'e1',
  at: new Date('2026-03-31T12:00:00Z'),
  origin: 'https://waypoint.example.com',
  organisation: 'Acme <Ltd> & Co',
};
const facts = {
  initiative: { id: 'i1', title: 'Refunds <fast> & fair', status: 'active' },
  milestoneTitle: 'Discover',
  actorName: 'Olivia Owner',
};
const change = {
  action: 'transition',
  entityType: 'initiative',
  entityId: 'i1',
  actorId: 'u1',
  initiativeId: 'i1',
  before: { status: 'active' },
  after: { status: 'on_hold', reason: 'gate_decision' },
};

describe('webhookEventOf', () => {
  it.each([
    ['milestone', 'submit', 'gate_submitted'],
    ['milestone', 'decide', 'gate_decided'],
    ['alert', 'raise', 'alert_raised'],
    ['initiative', 'transition', 'initiative_status_changed'],
    ['milestone', 'start', null],
    ['initiative', 'update', null],
    ['alert', 'dismiss', null],
  ])('%s %s → %s', (entityType, action, event) => {
    expect(webhookEventOf({ entityType, action })).toBe(event);
  });
});

describe('payloadOf and webhookBody', () => {
  const payload: WebhookPayload = payloadOf('initiative_status_changed', change, facts, frame);

  it('words a status change with the statuses in words', () => {
    expect(payload.summary).toBe(
      'Olivia Owner moved “Refunds <fast> & fair” from Active to On hold.',
    );
    expect(payload.url).toBe('https://waypoint.example.com/initiatives/i1');
    expect(payload.data).toEqual({ from: 'active', to: 'on_hold', reason: 'gate_decision' });
  });

  it('posts Waypoint JSON as the payload itself', () => {
    expect(webhookBody('waypoint', payload)).toBe(payload);
  });

  it("escapes Slack's control characters, keeping the link", () => {
    const body = webhookBody('slack', payload) as { text: string };
    expect(body.text).toBe(
      'Olivia Owner moved “Refunds &lt;fast&gt; &amp; fair” from Active to On hold. <https://waypoint.example.com/initiatives/i1|Open in Waypoint>',
    );
    expect(JSON.stringify(body)).not.toMatch(/<fast>/);
  });

  it('gives Teams the words unescaped (Adaptive Cards are not markup)', () => {
    const body = webhookBody('teams', payload) as {
      attachments: { content: { body: { text?: string }[] } }[];
    };
    expect(body.attachments[0]?.content.body[1]?.text).toBe(payload.summary);
  });
});
