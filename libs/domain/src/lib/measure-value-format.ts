/**
 * How a measure's value reads with its unit, everywhere (one definition): money with its
 * currency placed as the locale writes it ("£5.80", "€6.50", "£410k" for thousands of pounds),
 * a share glued to its number ("61%"), a score out of something glued too ("8/10"), any other
 * unit after a space ("22 min", "104 h/week"). Numbers keep at most two decimals; money with
 * pence shows both decimals.
 */

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  '£': 'GBP',
  '€': 'EUR',
  $: 'USD',
  '¥': 'JPY',
  '₹': 'INR',
  CHF: 'CHF',
};

/** Multipliers written before a currency: "k£" is thousands of pounds. */
const SCALES: Readonly<Record<string, string>> = { k: 'k', K: 'k', m: 'm', M: 'm', bn: 'bn' };

/** Codes people write as units; a known ISO 4217 code is money, "NPS" is not. */
function knownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (
    Intl as unknown as { supportedValuesOf?: (key: 'currency') => string[] }
  ).supportedValuesOf?.('currency');
  return supported ? supported.includes(code) : ['EUR', 'GBP', 'USD', 'JPY', 'CHF'].includes(code);
}

/** The currency a unit names ("£", "EUR", "k£", "£k"), with its scale; null when not money. */
export function currencyOfUnit(unit: string): { currency: string; scale: string } | null {
  const trimmed = unit.trim();
  const match = /^(k|K|m|M|bn)?\s*(.+?)\s*(k|K|m|M|bn)?$/.exec(trimmed);
  if (!match) return null;
  const [, before, core = '', after] = match;
  if (before && after) return null;
  const currency = CURRENCY_SYMBOLS[core] ?? (knownCurrency(core) ? core : null);
  if (currency === null) return null;
  return { currency, scale: SCALES[before ?? after ?? ''] ?? '' };
}

function plainNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(
    Math.round(value * 100) / 100 + 0,
  );
}

/** "£5.80", "61%", "8/10", "22 min", "410" (no unit). */
export function formatMeasureValue(
  value: number,
  unit: string | undefined,
  locale = 'en-US',
): string {
  const u = (unit ?? '').trim();
  if (u === '') return plainNumber(value, locale);
  const money = currencyOfUnit(u);
  if (money) {
    const rounded = Math.round(value * 100) / 100 + 0;
    const whole = Number.isInteger(rounded);
    const parts = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).formatToParts(rounded);
    if (money.scale === '') return parts.map((p) => p.value).join('');
    // The scale goes right after the number's last digit: "£410k", "410k €" in a locale that
    // writes the symbol after.
    const lastDigit = parts.reduce(
      (last, p, i) => (p.type === 'integer' || p.type === 'fraction' ? i : last),
      -1,
    );
    return parts.map((p, i) => (i === lastDigit ? `${p.value}${money.scale}` : p.value)).join('');
  }
  const number = plainNumber(value, locale);
  if (u === '%' || u.startsWith('/')) return `${number}${u}`;
  return `${number} ${u}`;
}
