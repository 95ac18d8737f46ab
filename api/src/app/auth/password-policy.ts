import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@waypoint/contracts';
import { PasswordStrength } from './password-strength';

/** The password of every demo account (README lists them): published, so refused outside demo mode. */
export const DEMO_PASSWORD = 'waypoint-demo-2026';

/** zxcvbn's score runs 0..4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

/** The product's own words: guessed early by anyone attacking this site. */
const PRODUCT_WORDS = ['waypoint', 'initiative', 'initiatives', 'portfolio', 'gate', 'milestone'];

/** zxcvbn in a worker that is up only while passwords are being checked (see PasswordStrength). */
const strength = new PasswordStrength();

export interface PasswordContext {
  /** The user's email: its parts count as guessable words. */
  email?: string;
  /** The user's name: its parts count as guessable words. */
  displayName?: string;
  /** Demo mode: the published demo password is allowed there. */
  demo?: boolean;
}

/** The words of the user and of the product that a guesser would try first. */
function userInputs(context: PasswordContext): string[] {
  const texts = [
    context.email?.split('@')[0] ?? '',
    context.email ?? '',
    context.displayName ?? '',
  ];
  const parts = texts.flatMap((text) => {
    const lower = text.toLowerCase();
    // Each word, and the words run together ("sam.rivera" → "sam", "rivera", "samrivera").
    return [...lower.split(/[^\p{L}\p{N}]+/u), lower.replace(/[^\p{L}\p{N}]+/gu, '')];
  });
  return [...PRODUCT_WORDS, ...parts.filter((part) => part.length >= 3)];
}

/**
 * What is wrong with a new password, as messages for the `password` field; empty when it is
 * acceptable. Length counts characters, not bytes. Strength is zxcvbn's estimate (its common and
 * English dictionaries plus the product's words and the user's name and email) with a minimum
 * score of 3; the message says why and what would be accepted.
 */
export async function passwordProblems(
  password: string,
  context: PasswordContext = {},
): Promise<string[]> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
  if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  if (!context.demo && password.toLowerCase() === DEMO_PASSWORD) {
    return ['This is the published demo password: choose one of your own.'];
  }
  const verdict = await strength.check(password, userInputs(context));
  if (verdict.score >= MIN_PASSWORD_SCORE) return [];
  const why = verdict.warning ?? 'It would be guessed quickly.';
  return [
    [
      `This password is too common or too easy to guess: ${why}`,
      ...verdict.suggestions,
      'A few unrelated words (for example "lantern-orbit-tuesday-cello") would be accepted.',
    ].join(' '),
  ];
}
