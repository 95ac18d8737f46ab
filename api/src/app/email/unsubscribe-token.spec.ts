import { kindsOf, unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'test-secret';
const USER = '5b0f0c0e-3c44-4f38-9b8e-2b8a1c4d6e7f';

describe('unsubscribe tokens', () => {
  it('verifies a token it signed, for one kind or all', () => {
    for (const scope of ['step', 'all'] as const) {
      const token = unsubscribeToken(SECRET, { userId: USER, scope });
      expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: USER, scope });
    }
  });

  it.each([
    ['another secret', () => unsubscribeToken('other', { userId: USER, scope: 'step' })],
    [
      'a changed kind',
      () => unsubscribeToken(SECRET, { userId: USER, scope: 'step' }).replace('.step.', '.all.'),
    ],
    [
      'another user',
      () =>
        unsubscribeToken(SECRET, { userId: USER, scope: 'step' }).replace(
          USER.slice(0, 8),
          'a'.repeat(8),
        ),
    ],
    ['an unknown kind', () => `${USER}.spam.AAAA`],
    ['no signature', () => `${USER}.step`],
    ['extra parts', () => `${unsubscribeToken(SECRET, { userId: USER, scope: 'step' })}.x`],
    ['garbage', () => 'not a token'],
  ])('refuses %s', (_what, make) => {
    expect(verifyUnsubscribeToken(SECRET, make())).toBeNull();
  });

  it('stands "all" for every kind', () => {
    expect(kindsOf('all')).toHaveLength(5);
    expect(kindsOf('step')).toEqual(['step']);
  });
});
