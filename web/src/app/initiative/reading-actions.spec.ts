import type { InitiativeResponse, ReadingResponse } from '@waypoint/contracts';
import { readingActions } from './reading-actions';

const initiative = {
  owner: { id: 'owner', displayName: 'Owner' },
  sponsor: { id: 'sponsor', displayName: 'Sponsor' },
  team: [{ user: { id: 'member', displayName: 'Member' } }, { user: { id: 'other' } }],
} as unknown as Pick<InitiativeResponse, 'owner' | 'sponsor' | 'team'>;

function reading(overrides: Partial<ReadingResponse> = {}): ReadingResponse {
  return {
    recordedBy: { id: 'member', displayName: 'Member' },
    supersededById: null,
    withdrawal: null,
    ...overrides,
  } as ReadingResponse;
}

describe('readingActions', () => {
  it.each([
    ['the recorder', { id: 'member', role: 'member' }, { correct: true, withdraw: true }],
    ['another team member', { id: 'other', role: 'member' }, { correct: false, withdraw: false }],
    ['the owner', { id: 'owner', role: 'manager' }, { correct: true, withdraw: true }],
    // The sponsor may withdraw, but records (and so corrects) only when on the team.
    ['the sponsor', { id: 'sponsor', role: 'executive' }, { correct: false, withdraw: true }],
    ['a demoted sponsor', { id: 'sponsor', role: 'manager' }, { correct: false, withdraw: false }],
    ['an admin', { id: 'admin', role: 'admin' }, { correct: true, withdraw: true }],
    ['an outsider', { id: 'x', role: 'manager' }, { correct: false, withdraw: false }],
  ] as const)('%s', (_who, viewer, expected) => {
    expect(readingActions(reading(), initiative, viewer)).toEqual(expected);
  });

  it('offers nothing on a reading that no longer counts, or to nobody', () => {
    const none = { correct: false, withdraw: false };
    const owner = { id: 'owner', role: 'manager' } as const;
    expect(readingActions(reading({ supersededById: 'r2' }), initiative, owner)).toEqual(none);
    const withdrawn = reading({
      withdrawal: { reason: 'x', withdrawnBy: { id: 'owner', displayName: '' }, withdrawnAt: '' },
    });
    expect(readingActions(withdrawn, initiative, owner)).toEqual(none);
    expect(readingActions(reading(), initiative, null)).toEqual(none);
  });
});
