import { meTooText } from '../shared/format';
import { IDEA_EFFORT_LABEL, ideaEffortLabel } from '../shared/vocabulary';
import { estimatesText } from './idea-text';

describe('how an idea reads', () => {
  it('writes the estimates with their scales, and the effort in words', () => {
    expect(estimatesText({ customerImpact: 8, businessValue: 6, effort: 2 })).toBe(
      'Customer impact 8 of 10 · business value 6 of 10 · effort: a few weeks (2 of 5)',
    );
    expect(estimatesText({ customerImpact: 0, businessValue: 10, effort: 5 })).toBe(
      'Customer impact 0 of 10 · business value 10 of 10 · effort: many months (5 of 5)',
    );
  });

  it.each([
    [1, 'A few days (1 of 5)'],
    [2, 'A few weeks (2 of 5)'],
    [3, 'A month or two (3 of 5)'],
    [4, 'About a quarter (4 of 5)'],
    [5, 'Many months (5 of 5)'],
  ])('names effort %d "%s", without a code or a dash', (effort, label) => {
    expect(ideaEffortLabel(effort)).toBe(label);
    expect(IDEA_EFFORT_LABEL[effort]).not.toMatch(/\d| - /);
  });

  it.each([
    [0, 'No one else agrees yet'],
    [1, '1 person agrees'],
    [2, '2 people agree'],
    [1200, '1,200 people agree'],
  ])('counts %d "me too" as "%s"', (count, text) => {
    expect(meTooText(count)).toBe(text);
  });
});
