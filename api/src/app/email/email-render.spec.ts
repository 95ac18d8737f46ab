import { escapeHtml, renderDigest, renderMessage } from './email-render';

const FRAME = {
  organisationName: 'Acme & Co',
  origin: 'https://waypoint.example.com',
  recipientName: 'Ada <Admin>',
  unsubscribeUrl: 'https://waypoint.example.com/unsubscribe?token=abc',
  preferencesPath: '/profile',
};

const GATE = {
  notificationKind: 'gate_submitted' as const,
  title: 'Gate waiting for your decision: Define',
  body: 'Mia submitted milestone 1 "Define".\nThe evidence is frozen.',
  link: '/approvals/1234',
};

describe('renderMessage', () => {
  const email = renderMessage(GATE, FRAME);

  it('names the organisation in the subject and both parts', () => {
    expect(email.subject).toBe('[Acme & Co] Gate waiting for your decision: Define');
    expect(email.text).toContain('Acme & Co · Waypoint');
    expect(email.html).toContain('Acme &amp; Co · Waypoint');
  });

  it('links to the place in the app, and to unsubscribe, in both parts', () => {
    expect(email.text).toContain('Open the gate: https://waypoint.example.com/approvals/1234');
    expect(email.html).toContain('href="https://waypoint.example.com/approvals/1234"');
    expect(email.text).toContain('Unsubscribe: https://waypoint.example.com/unsubscribe?token=abc');
    expect(email.html).toContain('href="https://waypoint.example.com/unsubscribe?token=abc"');
    expect(email.html).toContain('href="https://waypoint.example.com/profile"');
  });

  it('is a page with a language, a title and a heading, and escapes what people typed', () => {
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(email.html).toContain('<h1');
    expect(email.html).toContain('Hello Ada &lt;Admin&gt;,');
    expect(email.html).toContain('&quot;Define&quot;.<br>The evidence is frozen.');
    expect(email.html).not.toContain('<Admin>');
  });
});

describe('renderDigest', () => {
  it('gathers the items, counts them in words and keeps each link', () => {
    const stale = {
      notificationKind: 'measure_stale' as const,
      title: 'Reading overdue: NPS',
      body: 'Record a reading.',
      link: '/my-work?record=m1',
    };
    const one = renderDigest([stale], FRAME);
    expect(one.subject).toBe('[Acme & Co] Your daily digest: 1 update');
    const two = renderDigest([GATE, stale], FRAME);
    expect(two.subject).toBe('[Acme & Co] Your daily digest: 2 updates');
    expect(two.text).toContain('Record a reading: https://waypoint.example.com/my-work?record=m1');
    expect(two.html).toContain('<h2');
    expect(two.html.match(/<h2/g)).toHaveLength(2);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
