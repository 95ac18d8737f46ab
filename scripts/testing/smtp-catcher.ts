import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (`smtp-server`) that keeps every message it accepts,
 * decoded enough to read: subject, plain-text and HTML parts. Started beside the app, as an
 * organisation's mail server would be, by the API's integration specs (api/test/email) and the
 * browser specs (e2e/src): the one copy both import, kept outside either project.
 */

export interface CaughtEmail {
  /** Envelope recipients. */
  to: string[];
  from: string;
  subject: string;
  headers: Record<string, string>;
  text: string;
  html: string;
  raw: string;
}

export interface SmtpCatcher {
  port: number;
  messages: CaughtEmail[];
  /** The app's settings to send through this server. */
  env: Record<string, string>;
  /** Waits until a message matching `match` has arrived (up to `timeoutMs`). */
  waitFor(match: (email: CaughtEmail) => boolean, timeoutMs?: number): Promise<CaughtEmail>;
  close(): Promise<void>;
}

/** A port nothing listens on right now (to refuse a connection, then listen on it later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The app's settings for an SMTP server on 127.0.0.1 at `port` (no TLS, no sign-in). */
export function smtpEnv(port: number): Record<string, string> {
  return {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_TLS: 'none',
    SMTP_FROM: 'Waypoint <waypoint@example.test>',
  };
}

export async function startSmtpCatcher(
  options: {
    port?: number;
    /** Each message is answered this late (a slow server). */ delayMs?: number;
  } = {},
): Promise<SmtpCatcher> {
  const port = options.port ?? 0;
  const messages: CaughtEmail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom;
        messages.push(
          parseEmail(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
            from ? from.address : '',
          ),
        );
        for (const wake of waiters) wake();
        setTimeout(() => callback(), options.delayMs ?? 0).unref();
      });
    },
  });
  const listening = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    const net = server.listen(port, '127.0.0.1', () => {
      const address = net.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
  return {
    port: listening,
    messages,
    env: smtpEnv(listening),
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(
            new Error(
              `no matching email in ${timeoutMs} ms; got: ${JSON.stringify(messages.map((m) => [m.to, m.subject]))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=) decoded. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_all, _charset: string, kind: string, text: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i] ?? '';
    const hex = joined.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

/** The text/plain and text/html parts of a (possibly multipart) entity. */
function parts(raw: string): { text: string; html: string } {
  const { headers, body } = splitHead(raw);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const found = { text: '', html: '' };
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = parts(part.replace(/^\r?\n/, ''));
      found.text ||= inner.text;
      found.html ||= inner.html;
    }
    return found;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']);
  return type.toLowerCase().startsWith('text/html')
    ? { text: '', html: decoded }
    : { text: decoded, html: '' };
}

export function parseEmail(raw: string, to: string[], from: string): CaughtEmail {
  const { headers } = splitHead(raw);
  return {
    to,
    from,
    subject: decodeWords(headers['subject'] ?? ''),
    headers,
    ...parts(raw),
    raw,
  };
}

/** The links of an HTML part, in order. */
export function linksOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
}
