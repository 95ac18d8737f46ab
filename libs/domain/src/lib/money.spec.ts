import fc from 'fast-check';
import {
  daysBetween,
  expectedBenefitMinor,
  formatMoney,
  measuredBenefitMinor,
  parseMoney,
  payback,
  paybackText,
  realisedBenefit,
  unitsImproved,
  valuePerUnitProblem,
  winProblem,
} from './money';

describe('unitsImproved', () => {
  it.each([
    ['lower_is_better', 400, 250, 200, 150],
    ['lower_is_better', 250, 400, 200, -150],
    ['higher_is_better', 60, 72, 80, 12],
    ['target_is_best', 10, 18, 20, 8],
    ['target_is_best', 30, 22, 20, 8],
    ['target_is_best', 18, 22, 20, 0],
  ] as const)(
    '%s from %d to %d (target %d) improves by %d',
    (d, opening, closing, target, want) => {
      expect(unitsImproved(d, opening, closing, target)).toBe(want);
    },
  );
});

describe('measuredBenefitMinor', () => {
  it('is the calls avoided times the value per call (1,500 calls at £4.10 = £6,150)', () => {
    expect(
      measuredBenefitMinor({
        direction: 'lower_is_better',
        target: 2000,
        baseline: 4000,
        closing: 2500,
        valuePerUnitMinor: 410,
      }),
    ).toBe(615_000);
  });

  it('is negative when the measure got worse, and never -0', () => {
    const worse = { direction: 'higher_is_better', target: 10, valuePerUnitMinor: 100 } as const;
    expect(measuredBenefitMinor({ ...worse, baseline: 5, closing: 4 })).toBe(-100);
    expect(Object.is(measuredBenefitMinor({ ...worse, baseline: 5, closing: 5 }), 0)).toBe(true);
  });

  it('is always an integer', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        (baseline, closing, valuePerUnitMinor) => {
          const amount = measuredBenefitMinor({
            direction: 'lower_is_better',
            target: 0,
            baseline,
            closing,
            valuePerUnitMinor,
          });
          expect(Number.isInteger(amount)).toBe(true);
        },
      ),
    );
  });
});

describe('realisedBenefit', () => {
  it.each([
    [[100, 200], null, 300, 'measures'],
    [[100, 200], 50, 50, 'entered'],
    [[], 0, 0, 'entered'],
    [[], null, null, 'none'],
  ] as const)('measured %j, entered %s: %s from %s', (measured, entered, amount, source) => {
    expect(realisedBenefit(measured, entered)).toEqual({ amountMinor: amount, source });
  });
});

describe('expectedBenefitMinor', () => {
  const q = { startsOn: '2026-01-01', endsOn: '2026-03-31' };
  it('counts the cycle days on or after the benefit starts', () => {
    expect(daysBetween(q.startsOn, q.endsOn)).toBe(90);
    expect(expectedBenefitMinor(365_00, q, '2025-06-01')).toBe(90_00);
    expect(expectedBenefitMinor(365_00, q, '2026-03-02')).toBe(30_00);
    expect(expectedBenefitMinor(365_00, q, '2026-04-01')).toBe(0);
    expect(expectedBenefitMinor(365_00, q, null)).toBe(0);
  });
});

describe('payback', () => {
  it('expected from the yearly figures, realised from the cycles that realised something', () => {
    // £12,000 one-off; £24,000 a year expected, £2,400 a year to run: 12000 / 1800 = 6.7 months.
    const p = payback({
      expectedYearlyBenefitMinor: 24_000_00,
      oneOffCostMinor: 12_000_00,
      runningCostMinor: 2_400_00,
      // £9,125 over 365 days: £760.42 a month less £200 running: 21.4 months, not paid back.
      realised: [{ amountMinor: 9_125_00, days: 365 }],
    });
    expect(p).toEqual({ expectedMonths: 6.7, realisedMonths: 21.4, paidBack: false });
    expect(paybackText(p)).toBe('Pays back in 21.4 months (expected 6.7 months)');
  });

  it('is paid back when the realised net covers the one-off cost', () => {
    const p = payback({
      expectedYearlyBenefitMinor: 0,
      oneOffCostMinor: 1_000_00,
      runningCostMinor: 0,
      realised: [{ amountMinor: 1_200_00, days: 91 }],
    });
    expect(p.paidBack).toBe(true);
    expect(p.expectedMonths).toBeNull();
    expect(paybackText(p)).toMatch(/^Paid back in 2.5 months \(expected never\)$/);
  });

  it('is null when nothing was realised or the net is not positive', () => {
    const base = { expectedYearlyBenefitMinor: 100, oneOffCostMinor: 100, runningCostMinor: 2000 };
    expect(payback({ ...base, realised: [] }).realisedMonths).toBeNull();
    expect(payback({ ...base, realised: [{ amountMinor: 50, days: 90 }] }).realisedMonths).toBe(
      null,
    );
    expect(paybackText(payback({ ...base, realised: [] }))).toBe(
      'Not paying back yet (expected never)',
    );
  });
});

describe('winProblem', () => {
  const ready = {
    status: 'completed',
    improvedMeasures: 1,
    realisedMinor: 0,
    alreadyPublished: false,
  } as const;
  it.each([
    [ready, null],
    [{ ...ready, improvedMeasures: 0, realisedMinor: 1 }, null],
    [{ ...ready, status: 'active' }, 'A win is published once the initiative is completed.'],
    [{ ...ready, improvedMeasures: 0 }, expect.stringMatching(/needs realised results/)],
    [{ ...ready, alreadyPublished: true }, expect.stringMatching(/already published/)],
  ] as const)('%j: %s', (input, want) => {
    expect(winProblem(input)).toEqual(want);
  });
});

describe('valuePerUnitProblem', () => {
  it('allows business measures only', () => {
    expect(valuePerUnitProblem('business')).toBeNull();
    expect(valuePerUnitProblem('customer')).toMatch(/business measures only/);
  });
});

describe('money in and out', () => {
  it.each([
    ['12,500.50', 'GBP', 1_250_050],
    ['£12500', 'GBP', 1_250_000],
    ['-40.5', 'EUR', -4050],
    ['1500', 'JPY', 1500],
    ['1500.5', 'JPY', null],
    ['12.345', 'GBP', null],
    ['twelve', 'GBP', null],
    ['', 'GBP', null],
  ] as const)('parses %j in %s as %s', (text, currency, want) => {
    expect(parseMoney(text, currency)).toBe(want);
  });

  it.each([
    [1_250_000, 'GBP', 'en-GB', '£12,500'],
    [4050, 'EUR', 'de-DE', '40,50\u00a0€'],
    [-4050, 'GBP', 'en-GB', '-£40.50'],
    [1500, 'JPY', 'en-US', '¥1,500'],
    [17_143_836, 'GBP', 'en-GB', '£171,438'],
    [99_999, 'GBP', 'en-GB', '£999.99'],
  ] as const)('writes %d %s in %s as %s', (minor, currency, locale, want) => {
    expect(formatMoney(minor, currency, locale)).toBe(want);
  });

  it('round-trips what it writes below a thousand pounds (en-GB), and whole pounds above', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999, max: 99_999 }), (minor) => {
        expect(parseMoney(formatMoney(minor, 'GBP', 'en-GB'), 'GBP')).toBe(minor);
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }).map((pounds) => pounds * 100),
        (minor) => {
          expect(parseMoney(formatMoney(minor, 'GBP', 'en-GB'), 'GBP')).toBe(minor);
        },
      ),
    );
  });
});
