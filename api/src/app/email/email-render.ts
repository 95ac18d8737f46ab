import type { NotificationKind } from '@waypoint/contracts';

/**
 * What an email says, as pure functions of the notification(s) and where the app lives: a
 * subject, a plain-text part and an accessible HTML part (a language, a heading, links that say
 * where they go, text in the reading order, no images), each with the organisation's name and an
 * unsubscribe link that works without signing in.
 */

export interface EmailItem {
  notificationKind: NotificationKind;
  title: string;
  body: string;
  /** A path of the web app, e.g. /approvals/<id>. */
  link: string;
}

export interface EmailFrame {
  organisationName: string;
  /** Where people reach Waypoint, e.g. https://waypoint.example.com. */
  origin: string;
  recipientName: string;
  /** The unsubscribe landing page of this email (a signed token in its query). */
  unsubscribeUrl: string;
  /** The page where the person chooses which emails they get. */
  preferencesPath: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The words of each notification's link. */
export function actionLabel(kind: NotificationKind): string {
  switch (kind) {
    case 'gate_submitted':
      return 'Open the gate';
    case 'step_assigned':
    case 'step_overdue':
      return 'Open my work';
    case 'measure_stale':
      return 'Record a reading';
    case 'gate_decided':
    case 'conditions_open':
    case 'plan_reviewed':
    case 'alert_raised':
      return 'Open the initiative';
    case 'idea_triaged':
      return 'Open the idea';
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** An app path made absolute on the origin. */
export function appUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:1.5;color:#1f2328;`;
const BUTTON =
  `${FONT}display:inline-block;padding:10px 18px;background:#0b57d0;color:#ffffff;` +
  'border-radius:6px;text-decoration:none;font-weight:bold;';

function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br>');
}

function itemHtml(item: EmailItem, origin: string, heading: 'h1' | 'h2'): string {
  const size = heading === 'h1' ? '22px' : '18px';
  return (
    `<${heading} style="${FONT}font-size:${size};color:#1f2328;margin:0 0 12px;">` +
    `${escapeHtml(item.title)}</${heading}>` +
    `<p style="${TEXT}margin:0 0 16px;">${paragraphs(item.body)}</p>` +
    `<p style="margin:0 0 24px;"><a href="${escapeHtml(appUrl(origin, item.link))}" ` +
    `style="${BUTTON}">${escapeHtml(actionLabel(item.notificationKind))}</a></p>`
  );
}

function itemText(item: EmailItem, origin: string): string {
  return `${item.title}\n\n${item.body}\n\n${actionLabel(item.notificationKind)}: ${appUrl(origin, item.link)}`;
}

function page(subject: string, frame: EmailFrame, content: string, why: string): string {
  const preferences = appUrl(frame.origin, frame.preferencesPath);
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(subject)}</title></head>` +
    '<body style="margin:0;padding:0;background:#f4f5f7;">' +
    `<div role="article" aria-label="${escapeHtml(subject)}" lang="en" ` +
    'style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;">' +
    `<p style="${FONT}font-size:14px;color:#57606a;margin:0 0 20px;">` +
    `${escapeHtml(frame.organisationName)} · Waypoint</p>` +
    `<p style="${TEXT}margin:0 0 16px;">Hello ${escapeHtml(frame.recipientName)},</p>` +
    content +
    '<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0;">' +
    `<p style="${FONT}font-size:13px;line-height:1.5;color:#57606a;margin:0;">` +
    `${escapeHtml(why)} ` +
    `<a href="${escapeHtml(preferences)}" style="color:#0b57d0;">Choose which emails you get</a>` +
    ` · <a href="${escapeHtml(frame.unsubscribeUrl)}" style="color:#0b57d0;">Unsubscribe</a></p>` +
    '</div></body></html>'
  );
}

function footerText(frame: EmailFrame, why: string): string {
  return (
    `--\n${why}\nChoose which emails you get: ${appUrl(frame.origin, frame.preferencesPath)}\n` +
    `Unsubscribe: ${frame.unsubscribeUrl}`
  );
}

/** One notification, sent at once. */
export function renderMessage(item: EmailItem, frame: EmailFrame): RenderedEmail {
  const subject = `[${frame.organisationName}] ${item.title}`;
  const why = `You receive this email from ${frame.organisationName}'s Waypoint because you chose to hear of this at once.`;
  return {
    subject,
    text:
      `${frame.organisationName} · Waypoint\n\nHello ${frame.recipientName},\n\n` +
      `${itemText(item, frame.origin)}\n\n${footerText(frame, why)}\n`,
    html: page(subject, frame, itemHtml(item, frame.origin, 'h1'), why),
  };
}

/** "1 update", "3 updates". */
function updates(count: number): string {
  return `${count} ${count === 1 ? 'update' : 'updates'}`;
}

/** The notifications of a day gathered in one email, oldest first. */
export function renderDigest(items: readonly EmailItem[], frame: EmailFrame): RenderedEmail {
  const subject = `[${frame.organisationName}] Your daily digest: ${updates(items.length)}`;
  const why = `You receive this daily digest from ${frame.organisationName}'s Waypoint because you chose it for these kinds of email.`;
  const intro = `Here is what happened since your last digest (${updates(items.length)}).`;
  return {
    subject,
    text:
      `${frame.organisationName} · Waypoint\n\nHello ${frame.recipientName},\n\n${intro}\n\n` +
      items.map((item) => itemText(item, frame.origin)).join('\n\n* * *\n\n') +
      `\n\n${footerText(frame, why)}\n`,
    html: page(
      subject,
      frame,
      `<h1 style="${FONT}font-size:22px;color:#1f2328;margin:0 0 12px;">Your daily digest</h1>` +
        `<p style="${TEXT}margin:0 0 24px;">${escapeHtml(intro)}</p>` +
        items.map((item) => itemHtml(item, frame.origin, 'h2')).join(''),
      why,
    ),
  };
}
