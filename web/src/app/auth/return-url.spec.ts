import { landingUrl, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/portfolio', '/portfolio'],
    ['/initiatives/42', '/initiatives/42'],
    ['/initiatives/42?tab=team&x=1', '/initiatives/42?tab=team&x=1'],
    ['/brief#evidence', '/brief#evidence'],
    ['/initiatives/a%20b', '/initiatives/a%20b'],
    ['/', '/'],
    ['/initiatives/../approvals', '/approvals'],
    ['/forbidden', '/forbidden'],
  ])('keeps the in-app path %s', (raw, expected) => {
    expect(safeReturnUrl(raw)).toBe(expected);
  });

  it.each([
    ['an absolute URL', 'https://evil.example/portfolio'],
    ['an absolute URL on http', 'http://evil.example'],
    ['a scheme-relative URL', '//evil.example/portfolio'],
    ['a scheme-relative URL with more slashes', '///evil.example'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a leading backslash', '\\\\evil.example'],
    ['a tab browsers would drop', '/\t/evil.example'],
    ['a newline browsers would drop', '/\n/evil.example'],
    ['a space', '/ /evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,hi'],
    ['a relative path without a slash', 'portfolio'],
    ['an empty string', ''],
    ['the sign-in page itself', '/sign-in?returnUrl=%2Fportfolio'],
    ['the set-password page', '/set-password?token=abc'],
    ['a URL that is far too long', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, raw) => {
    expect(safeReturnUrl(raw)).toBeNull();
  });

  it.each([undefined, null, 42, ['/portfolio'], { url: '/portfolio' }])(
    'refuses a non-string (%p)',
    (raw) => {
      expect(safeReturnUrl(raw)).toBeNull();
    },
  );
});

describe('landingUrl', () => {
  it.each([
    ['admin', '/portfolio'],
    ['executive', '/portfolio'],
    ['manager', '/initiatives'],
    ['member', '/my-work'],
  ] as const)('takes a %s without returnUrl to %s', (role, home) => {
    expect(landingUrl(role, undefined)).toBe(home);
    expect(landingUrl(role, '/')).toBe(home);
  });

  it('follows a safe returnUrl the role may open', () => {
    expect(landingUrl('member', '/initiatives/42?tab=steps')).toBe('/initiatives/42?tab=steps');
    expect(landingUrl('executive', '/approvals')).toBe('/approvals');
  });

  it('goes home instead of to a place the role is not offered', () => {
    expect(landingUrl('member', '/approvals')).toBe('/my-work');
    expect(landingUrl('manager', '/portfolio?x=1')).toBe('/initiatives');
  });

  it('goes home instead of off-site', () => {
    expect(landingUrl('manager', 'https://evil.example/')).toBe('/initiatives');
    expect(landingUrl('executive', '//evil.example')).toBe('/portfolio');
  });
});
