import {
  type AuditedChange,
  decodeEnvelope,
  encodeEnvelope,
  envelopeOfAudit,
  notificationEnvelope,
  NOTIFY_PAYLOAD_LIMIT,
} from './live-envelope';

const AT = new Date('2026-12-01T10:00:00.000Z');
const ID = '7b0c8f5e-3c1a-4a55-9e2f-2f1f4f1c9a01';
const INITIATIVE = '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const actor = { userId: 'u-1', requestId: null };

function audit(overrides: Partial<AuditedChange>): AuditedChange {
  return { actor, entityType: 'step', entityId: ID, ...overrides };
}

describe('live envelopes', () => {
  it.each([
    ['step', 'step'],
    ['reading', 'reading'],
    ['gate_decision', 'decision'],
    ['decision_condition', 'decision'],
    ['cycle_review', 'review'],
    ['comment', 'comment'],
  ])('maps an audited %s to a %s event of its initiative, ids only', (entityType, kind) => {
    expect(envelopeOfAudit(audit({ entityType, initiativeId: INITIATIVE }), AT)).toEqual({
      event: { kind, initiativeId: INITIATIVE, id: ID, at: AT.toISOString() },
      recipientId: null,
    });
  });

  it('uses the initiative itself as its initiative', () => {
    const envelope = envelopeOfAudit(audit({ entityType: 'initiative', entityId: INITIATIVE }), AT);
    expect(envelope?.event).toMatchObject({ kind: 'initiative', initiativeId: INITIATIVE });
  });

  it('drops records that are not shown live, and changes without a known initiative', () => {
    expect(envelopeOfAudit(audit({ entityType: 'user' }), AT)).toBeNull();
    expect(envelopeOfAudit(audit({ entityType: 'department' }), AT)).toBeNull();
    expect(envelopeOfAudit(audit({ entityType: 'step', initiativeId: null }), AT)).toBeNull();
  });

  it.each([
    ['idea', 'idea'],
    ['customer_moment', 'moment'],
    ['customer_moment_order', 'moment'],
    ['self_assessment', 'self_assessment'],
  ])('sends an audited %s to everyone as a %s event without an initiative', (entityType, kind) => {
    const envelope = envelopeOfAudit(audit({ entityType }), AT);
    expect(envelope).toEqual({
      event: { kind, initiativeId: null, id: ID, at: AT.toISOString() },
      recipientId: null,
    });
    expect(
      decodeEnvelope(encodeEnvelope(envelope ?? { event: null as never, recipientId: null })),
    ).toEqual(envelope);
    const step = {
      event: { kind: 'step', initiativeId: null, id: ID, at: 'x' },
      recipientId: null,
    };
    expect(decodeEnvelope(JSON.stringify(step))).toBeNull();
  });

  it("sends reading one's notifications to the reader only", () => {
    const envelope = envelopeOfAudit(audit({ entityType: 'notification_inbox' }), AT);
    expect(envelope).toEqual(notificationEnvelope('u-1', AT));
    expect(envelope?.recipientId).toBe('u-1');
    expect(envelopeOfAudit(audit({ entityType: 'notification', actor: null }), AT)).toBeNull();
  });

  it('round-trips through a NOTIFY payload well under the 8000-byte limit', () => {
    const envelope = envelopeOfAudit(audit({ initiativeId: INITIATIVE }), AT);
    if (!envelope) throw new Error('no envelope');
    const payload = encodeEnvelope(envelope);
    expect(Buffer.byteLength(payload)).toBeLessThan(300);
    expect(decodeEnvelope(payload)).toEqual(envelope);
    const note = notificationEnvelope('u-2', AT);
    expect(decodeEnvelope(encodeEnvelope(note))).toEqual(note);
  });

  it('refuses to encode a payload NOTIFY would reject', () => {
    const huge = notificationEnvelope('x'.repeat(NOTIFY_PAYLOAD_LIMIT), AT);
    expect(() => encodeEnvelope(huge)).toThrow(/too large/);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not an object', '42'],
    [
      'an unknown kind',
      JSON.stringify({
        event: { kind: 'user', initiativeId: INITIATIVE, id: ID, at: 'x' },
        recipientId: null,
      }),
    ],
    [
      'a change without initiative',
      JSON.stringify({
        event: { kind: 'step', initiativeId: null, id: ID, at: 'x' },
        recipientId: null,
      }),
    ],
    [
      'a notification without recipient',
      JSON.stringify({
        event: { kind: 'notification', initiativeId: null, id: ID, at: 'x' },
        recipientId: null,
      }),
    ],
    [
      'a missing id',
      JSON.stringify({
        event: { kind: 'step', initiativeId: INITIATIVE, at: 'x' },
        recipientId: null,
      }),
    ],
  ])('ignores a payload that is %s', (_name, payload) => {
    expect(decodeEnvelope(payload)).toBeNull();
  });

  it('carries an ended access through NOTIFY, for one credential or all of a user', () => {
    for (const accessEnded of [
      { userId: 'u-1', credentialId: ID },
      { userId: 'u-1', credentialId: null },
    ]) {
      expect(decodeEnvelope(encodeEnvelope({ accessEnded }))).toEqual({ accessEnded });
    }
    expect(decodeEnvelope(JSON.stringify({ accessEnded: { credentialId: ID } }))).toBeNull();
    expect(
      decodeEnvelope(JSON.stringify({ accessEnded: { userId: 'u-1', credentialId: 7 } })),
    ).toBeNull();
  });
});
