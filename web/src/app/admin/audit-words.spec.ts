import {
  actionLabel,
  auditChanges,
  auditSentence,
  recordLabel,
  recordName,
  valueText,
} from './audit-words';

const event = (overrides: Record<string, unknown>) => ({
  action: 'update',
  entityType: 'department',
  entityId: 'd1',
  actorId: 'u1',
  before: null,
  after: null,
  ...overrides,
});

describe('the audit trail in words', () => {
  it.each([
    [
      event({ action: 'create', after: { name: 'Support' } }),
      'Ada Admin',
      'Ada Admin created the department “Support”',
    ],
    [
      event({ action: 'set_password', entityType: 'user', entityId: 'u1', after: null }),
      'Sam Rivera',
      'Sam Rivera chose their password',
    ],
    [
      event({
        action: 'transition',
        entityType: 'initiative',
        before: { title: 'Faster refunds', status: 'draft' },
        after: { title: 'Faster refunds', status: 'on_hold' },
      }),
      'Morgan',
      'Morgan moved the initiative “Faster refunds” from Draft to On hold',
    ],
    [
      event({
        action: 'freeze_baseline',
        entityType: 'measure',
        after: { name: 'Cost per contact' },
      }),
      'Morgan',
      'Morgan froze the baseline of the measure “Cost per contact”',
    ],
    [event({ action: 'deactivate', entityType: 'user' }), null, 'Waypoint deactivated a person'],
    [
      event({ action: 'rotate_secret', entityType: 'webhook', after: { version: 3 } }),
      'Ada Admin',
      'Ada Admin made a new secret for a webhook',
    ],
    [
      event({ action: 'brand_new_thing', entityType: 'odd_record' }),
      'Ada',
      'Ada brand new thing an odd record',
    ],
  ])('sentence %#', (e, actor, sentence) => {
    expect(auditSentence(e, actor)).toBe(sentence);
  });

  it('never leaves an internal code on screen', () => {
    expect(recordLabel('customer_group')).toBe('customer group');
    expect(recordLabel('some_new_kind')).toBe('some new kind');
    expect(actionLabel('freeze_baseline')).toBe('Froze a baseline');
    expect(actionLabel('archive_all')).toBe('Archive all');
    expect(valueText('intent', 'reduce_cost_to_serve')).toBe('Reduce cost to serve');
    expect(valueText('kind', 'customer_worsens')).toBe('customer worsens');
  });

  it('writes values as people read them', () => {
    expect(valueText('role', 'executive')).toBe('Executive');
    expect(valueText('active', false)).toBe('No');
    expect(valueText('startsOn', '2027-01-01')).toBe('1 Jan 2027');
    expect(valueText('department', { id: 'd', name: 'Operations' })).toBe('Operations');
    expect(valueText('teamIds', [])).toBe('none');
    expect(valueText('note', null)).toBe('—');
    expect(valueText('outcome', 'go_with_conditions')).toBe('Go with conditions');
    expect(valueText('outcome', 'rejected')).toBe('Rejected');
    expect(valueText('status', 'doing')).toBe('Doing');
    expect(valueText('perspective', 'customer')).toBe('Customer');
    expect(valueText('kpiClass', 'customer_toxic')).toBe('Customer-toxic');
    expect(valueText('decision', 'adapt')).toBe('Adapt');
  });

  it('names the record from what the event kept of it', () => {
    expect(recordName({ before: { displayName: 'Old' }, after: { displayName: 'New' } })).toBe(
      'New',
    );
    expect(recordName({ before: { email: 'a@b.c' }, after: null })).toBe('a@b.c');
    expect(recordName({ before: null, after: null })).toBeNull();
  });

  it('lists the changed fields only, side by side, without ids and versions', () => {
    expect(
      auditChanges({
        before: { id: 'u', version: 1, displayName: 'Eve', role: 'executive', active: true },
        after: { id: 'u', version: 2, displayName: 'Eve', role: 'member', active: true },
      }),
    ).toEqual([{ field: 'Role', before: 'Executive', after: 'Member' }]);
    expect(
      auditChanges({ before: null, after: { name: 'Support', valueProposition: 'x' } }),
    ).toEqual([
      { field: 'Name', before: '—', after: 'Support' },
      { field: 'Value proposition', before: '—', after: 'x' },
    ]);
  });

  it('leaves out fields that only hold ids of other records (the event links to its record)', () => {
    const milestone = '9a5afea1-a785-4157-a688-ed62e198ef37';
    expect(
      auditChanges({
        before: null,
        after: {
          outcome: 'rejected',
          milestoneId: milestone,
          conditionIds: [milestone],
          submissionId: null,
          rationale: 'Not now',
        },
      }),
    ).toEqual([
      { field: 'Outcome', before: '—', after: 'Rejected' },
      { field: 'Rationale', before: '—', after: 'Not now' },
    ]);
  });

  it('words a webhook change: its address, format and events', () => {
    expect(
      auditChanges({
        before: { name: 'Channel', format: 'slack', events: ['gate_submitted'] },
        after: {
          name: 'Channel',
          format: 'teams',
          events: ['gate_submitted', 'initiative_status_changed'],
          url: 'https://hooks.example.com/x',
        },
      }),
    ).toEqual([
      { field: 'Format', before: 'Slack', after: 'Microsoft Teams' },
      {
        field: 'Events',
        before: 'Gate submitted',
        after: 'Gate submitted, Initiative status changed',
      },
      { field: 'Address', before: '—', after: 'https://hooks.example.com/x' },
    ]);
  });
});
