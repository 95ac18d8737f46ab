import { currencyOfUnit, formatMeasureValue } from './measure-value-format';

describe('formatMeasureValue', () => {
  it.each([
    // Money: the currency where the locale writes it, pence in full.
    [5.8, '£', '£5.80'],
    [6.5, 'EUR', '€6.50'],
    [6.5, '€', '€6.50'],
    [12, '£', '£12'],
    [1234.5, 'USD', '$1,234.50'],
    [-3, '£', '-£3'],
    [410, 'k£', '£410k'],
    [410, '£k', '£410k'],
    // Shares and scores sit against the number.
    [61, '%', '61%'],
    [8, '/10', '8/10'],
    [7.95, '/10', '7.95/10'],
    // Other units after a space; three capitals are not money unless they name a currency.
    [22, 'min', '22 min'],
    [18, 'NPS', '18 NPS'],
    [104, 'h/week', '104 h/week'],
    [1234.567, '', '1,234.57'],
    [0.1 + 0.2, 'min', '0.3 min'],
  ])('%p %p reads "%s"', (value, unit, expected) => {
    expect(formatMeasureValue(value, unit)).toBe(expected);
  });

  it('places the currency as the locale writes it', () => {
    expect(formatMeasureValue(6.5, 'EUR', 'de-DE')).toBe('6,50\u00a0€');
    expect(formatMeasureValue(410, 'k€', 'de-DE')).toBe('410k\u00a0€');
    expect(formatMeasureValue(5.8, '£', 'en-GB')).toBe('£5.80');
  });

  it('never shows -0', () => {
    expect(formatMeasureValue(-0.001, '£')).toBe('£0');
    expect(formatMeasureValue(-0.001, 'min')).toBe('0 min');
  });
});

describe('currencyOfUnit', () => {
  it.each([
    ['£', { currency: 'GBP', scale: '' }],
    ['GBP', { currency: 'GBP', scale: '' }],
    ['k£', { currency: 'GBP', scale: 'k' }],
    ['%', null],
    ['NPS', null],
    ['EUR/contact', null],
    ['k', null],
  ])('%p is %p', (unit, expected) => {
    expect(currencyOfUnit(unit)).toEqual(expected);
  });
});
