import type { AlertStatus, Role } from '@waypoint/contracts';
import { mapAlert } from './alert-view';
import type { AlertEventRow, AlertRow } from './alerts.repository';

function row(status: AlertStatus = 'open'): AlertRow {
  return {
    id: 'a-1',
    initiativeId: 'i-1',
    initiativeTitle: 'Self-service',
    ownerId: 'owner',
    sponsorId: 'sponsor',
    cycleId: 'c-1',
    cycleName: '2026-Q4',
    startsOn: '2026-10-01',
    endsOn: '2026-12-31',
    kind: 'protected_group_worsens',
    status,
    severity: 'critical',
    explanation: '"Satisfaction" of protected customer group "Loyal families" got worse.',
    measureIds: ['m-1'],
    readingIds: ['r-1', 'r-2'],
    detail: {
      readings: [],
      indices: {
        customer: { opening: 0, closing: -0.4, change: -0.4 },
        business: { opening: null, closing: null, change: null },
      },
      moves: [],
    },
    raisedAt: new Date('2026-12-01T10:00:00Z'),
    resolvedAt: null,
    acknowledgedBy: status === 'acknowledged' ? 'owner' : null,
    acknowledgedByName: status === 'acknowledged' ? 'Olivia Owner' : null,
    acknowledgedAt: status === 'acknowledged' ? new Date('2026-12-02T09:00:00Z') : null,
    acknowledgementNote: status === 'acknowledged' ? 'We call them.' : null,
    dismissedBy: null,
    dismissedByName: null,
    dismissedAt: null,
    dismissalReason: null,
  };
}

const events: AlertEventRow[] = [
  {
    alertId: 'a-1',
    action: 'raised',
    at: new Date('2026-12-01T10:00:00Z'),
    actorId: null,
    actorName: null,
    note: null,
  },
  {
    alertId: 'other',
    action: 'raised',
    at: new Date('2026-12-01T10:00:00Z'),
    actorId: null,
    actorName: null,
    note: null,
  },
];

const can = (status: AlertStatus, id: string, role: Role) =>
  mapAlert(row(status), events, { id, role }).can;

describe('mapAlert', () => {
  it('keeps its own history and the answer, and no entity field', () => {
    const alert = mapAlert(row('acknowledged'), events, { id: 'owner', role: 'manager' });
    expect(alert.history).toEqual([
      { action: 'raised', at: '2026-12-01T10:00:00.000Z', actor: null, note: null },
    ]);
    expect(alert.acknowledgement).toEqual({
      by: { id: 'owner', displayName: 'Olivia Owner' },
      at: '2026-12-02T09:00:00.000Z',
      note: 'We call them.',
    });
    expect(alert.dismissal).toBeNull();
    expect(alert).not.toHaveProperty('ownerId');
  });

  it.each<[string, AlertStatus, string, Role, { acknowledge: boolean; dismiss: boolean }]>([
    ['the owner, open', 'open', 'owner', 'manager', { acknowledge: true, dismiss: false }],
    ['the sponsor', 'open', 'sponsor', 'executive', { acknowledge: true, dismiss: true }],
    ['a demoted sponsor', 'open', 'sponsor', 'manager', { acknowledge: false, dismiss: false }],
    ['another executive', 'open', 'x', 'executive', { acknowledge: false, dismiss: true }],
    ['an admin', 'open', 'x', 'admin', { acknowledge: false, dismiss: true }],
    ['a manager', 'open', 'x', 'manager', { acknowledge: false, dismiss: false }],
    [
      'the owner, answered',
      'acknowledged',
      'owner',
      'manager',
      { acknowledge: false, dismiss: false },
    ],
    [
      'an executive, answered',
      'acknowledged',
      'x',
      'executive',
      { acknowledge: false, dismiss: true },
    ],
    [
      'the sponsor, resolved',
      'resolved',
      'sponsor',
      'executive',
      { acknowledge: false, dismiss: false },
    ],
    ['an admin, dismissed', 'dismissed', 'x', 'admin', { acknowledge: false, dismiss: false }],
  ])('tells what %s may do', (_who, status, id, role, expected) => {
    expect(can(status, id, role)).toEqual(expected);
  });
});
