import { createHmac, randomBytes } from 'node:crypto';

/** A new assessment's secret: the key of its respondent keys while it is open. */
export function newAnswerKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The respondent key of a person's answer: HMAC-SHA256 of their id under the assessment's secret.
 * Their own requests find their answer with it; the answer row never holds the id itself.
 */
export function respondentKey(answerKey: string, userId: string): string {
  return createHmac('sha256', answerKey).update(`self-assessment:${userId}`, 'utf8').digest('hex');
}
