import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@waypoint/contracts';
import { COMMON_PASSWORDS_TEXT } from './common-passwords.generated';

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n').map((p) => p.toLowerCase()));
  return common;
}

/** "password" + "1234", "dragon" + "!!": a common word with digits or symbols added at the end. */
function commonBase(lower: string): string | null {
  const base = lower.replace(/[\d\W_]+$/u, '');
  return base.length >= 4 && base !== lower && commonPasswords().has(base) ? base : null;
}

/** "passwordpassword", "abcabcabcabc": one short piece repeated. */
function isRepetition(lower: string): boolean {
  return /^(.{1,6})\1+$/u.test(lower);
}

/**
 * What is wrong with a new password, as messages for the `password` field; empty when it is
 * acceptable. Length counts characters, not bytes.
 */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
  if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || commonBase(lower) !== null || isRepetition(lower)) {
    return [
      'This password is too common. Choose a less predictable one, such as a few unrelated words.',
    ];
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return ['The password must not contain your email address.'];
  }
  return [];
}
