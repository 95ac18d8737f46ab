import { isLoopbackHost, webhookUrlProblem } from './webhooks';

describe('webhookUrlProblem', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/x', false, null],
    ['https://example.com:8443/hook?x=1', false, null],
    ['http://127.0.0.1:4000/hook', true, null],
    ['http://localhost/hook', true, null],
    ['http://[::1]:9000/', true, null],
    ['http://127.0.0.1:4000/hook', false, 'The address must start with https://.'],
    [
      'http://example.com/hook',
      true,
      'The address must start with https:// (plain http:// only to this machine).',
    ],
    ['ftp://example.com/', true, 'The address must start with https://.'],
    ['hooks.example.com', false, 'Enter a whole address, e.g. https://hooks.example.com/waypoint.'],
    ['https://user:pw@example.com/', false, 'The address must not carry a user name or password.'],
  ] as const)('%s (loopback http allowed: %s) → %s', (url, allow, problem) => {
    expect(webhookUrlProblem(url, allow)).toBe(problem);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['127.0.0.1.example.com', false],
    ['10.0.0.1', false],
    ['example.com', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
