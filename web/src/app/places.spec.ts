import { ROLE_VALUES } from '@waypoint/contracts';
import { homeLabel, homeUrl, PLACES, placesFor, ROLE_HOME, roleMayOpen } from './places';

const labels = (role: (typeof ROLE_VALUES)[number]) => placesFor(role).map((p) => p.label);

describe('places and roles', () => {
  it('offers every place but Administration to at least one role besides admin', () => {
    for (const place of PLACES.filter((p) => p.path !== 'admin')) {
      expect(place.roles.filter((r) => r !== 'admin').length).toBeGreaterThan(0);
    }
  });

  it('offers admins every place, Administration last', () => {
    expect(placesFor('admin')).toEqual(PLACES);
    expect(placesFor('admin').at(-1)?.label).toBe('Administration');
  });

  it.each(ROLE_VALUES)('offers a %s their home place', (role) => {
    expect(placesFor(role).map((p) => p.path)).toContain(ROLE_HOME[role]);
    expect(homeUrl(role)).toBe(`/${ROLE_HOME[role]}`);
  });

  it('gives each role a navigation that fits its work', () => {
    expect(labels('executive')).toEqual([
      'Portfolio',
      'Approvals',
      'Initiatives',
      'Conditions',
      'Cycles',
      'Customer groups',
      'Ideas',
      'Moments',
      'KPI review',
      'Brief',
      'Self-assessment',
      'Wins',
    ]);
    expect(labels('manager')).toEqual([
      'Initiatives',
      'Conditions',
      'My work',
      'Cycles',
      'Customer groups',
      'Ideas',
      'Moments',
      'KPI review',
      'Brief',
      'Self-assessment',
      'Wins',
    ]);
    expect(labels('member')).toEqual([
      'Initiatives',
      'My work',
      'Customer groups',
      'Ideas',
      'Moments',
      'Brief',
      'Self-assessment',
      'Wins',
    ]);
  });

  it('names the home place', () => {
    expect(homeLabel('member')).toBe('My work');
    expect(homeLabel('manager')).toBe('Initiatives');
  });

  it.each([
    ['member', '/approvals', false],
    ['member', '/approvals?x=1', false],
    ['member', '/initiatives/42', true],
    ['member', '/forbidden', true],
    ['member', '/no-such-place', true],
    ['executive', '/approvals', true],
    ['executive', '/my-work', false],
    ['manager', '/portfolio#alerts', false],
    ['manager', '/kpi-review', true],
    ['manager', '/conditions', true],
    ['member', '/conditions', false],
  ] as const)('%s may open %s: %s', (role, url, expected) => {
    expect(roleMayOpen(role, url)).toBe(expected);
  });
});
