import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { DecideGateRequest } from '@waypoint/contracts';
import { aProblem } from '../auth/auth.testing';
import { DecisionFormComponent } from './decision-form.component';

describe('DecisionFormComponent', () => {
  let fixture: ComponentFixture<DecisionFormComponent>;
  let emitted: DecideGateRequest[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(DecisionFormComponent);
    emitted = [];
    fixture.componentInstance.decide.subscribe((r) => emitted.push(r));
    await fixture.whenStable();
  });

  const el = () => fixture.nativeElement as HTMLElement;
  const text = () => el().textContent ?? '';
  const errors = () =>
    Array.from(el().querySelectorAll('mat-error')).map((e) => e.textContent?.trim());

  async function choose(label: string): Promise<void> {
    const radio = Array.from(el().querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
      (input) => input.closest('mat-radio-button')?.textContent?.trim().startsWith(label),
    );
    if (!radio) throw new Error(`no radio ${label}`);
    radio.click();
    await fixture.whenStable();
  }
  async function type(selector: string, value: string): Promise<void> {
    const input = el().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  async function click(label: string): Promise<void> {
    const button = Array.from(el().querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === label,
    );
    if (!button) throw new Error(`no button ${label}`);
    button.click();
    await fixture.whenStable();
  }
  const submit = () => click('Record the decision');

  it('offers the five outcomes, each with an explanation', () => {
    const labels = Array.from(el().querySelectorAll('.wp-decision__radio-label')).map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).toEqual([
      'Go',
      'Go with conditions',
      'Changes requested',
      'On hold',
      'Rejected',
    ]);
    expect(el().querySelectorAll('.wp-decision__radio-help')).toHaveLength(5);
  });

  it('asks for an outcome first', async () => {
    await submit();

    expect(text()).toContain('Choose an outcome.');
    expect(emitted).toEqual([]);
  });

  it('decides a plain go without a rationale', async () => {
    await choose('Go');
    await submit();

    expect(emitted).toEqual([{ outcome: 'go' }]);
  });

  it('refuses go with conditions without a condition and without a rationale', async () => {
    await choose('Go with conditions');
    await submit();

    expect(text()).toContain('A go with conditions needs at least one condition.');
    expect(errors()).toContain('A rationale is required for a decision of "go with conditions".');
    const rationaleError = el().querySelector('.wp-decision__rationale mat-error');
    expect(el().querySelector('textarea')?.getAttribute('aria-describedby')).toContain(
      rationaleError?.id,
    );
    expect(document.activeElement).toBe(el().querySelector('.wp-decision__add'));
    expect(emitted).toEqual([]);
  });

  it('adds and removes conditions, refuses a blank one, and sends them trimmed', async () => {
    await choose('Go with conditions');
    await click('Add a condition');
    await click('Add a condition');
    expect(el().querySelectorAll('.wp-decision__condition input')).toHaveLength(2);
    await type('#wp-condition-0', '  Share the results with the branch teams ');
    await type('textarea', 'Measured well.');
    await submit();

    expect(errors()).toContain('Condition 2 is empty.');
    expect(emitted).toEqual([]);

    const remove = el().querySelector<HTMLButtonElement>('[aria-label="Remove condition 2"]');
    remove?.click();
    await fixture.whenStable();
    await submit();

    expect(emitted).toEqual([
      {
        outcome: 'go_with_conditions',
        rationale: 'Measured well.',
        conditions: ['Share the results with the branch teams'],
      },
    ]);
  });

  it('does not send conditions for another outcome', async () => {
    await choose('Go with conditions');
    await click('Add a condition');
    await type('#wp-condition-0', 'Something');
    await choose('Rejected');
    expect(el().querySelector('#wp-condition-0')).toBeNull();
    await type('textarea', 'Not worth it.');
    await submit();

    expect(emitted).toEqual([{ outcome: 'rejected', rationale: 'Not worth it.' }]);
  });

  it("shows the server's field errors under the right field", async () => {
    await choose('Changes requested');
    fixture.componentRef.setInput(
      'error',
      new HttpErrorResponse({
        status: 422,
        error: aProblem(422, 'The decision is incomplete.', {
          rationale: ['The rationale must not be blank.'],
        }),
      }),
    );
    await fixture.whenStable();

    expect(errors()).toContain('The rationale must not be blank.');
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('correct the fields below');
  });

  it("shows the server's message when the decision is refused as a whole", async () => {
    fixture.componentRef.setInput(
      'error',
      new HttpErrorResponse({
        status: 422,
        error: aProblem(422, 'The person who submitted a gate cannot decide it.'),
      }),
    );
    await fixture.whenStable();

    expect(el().querySelector('[role="alert"]')?.textContent).toContain(
      'The person who submitted a gate cannot decide it.',
    );
  });

  it('disables the button while deciding', async () => {
    fixture.componentRef.setInput('deciding', true);
    await fixture.whenStable();

    const button = el().querySelector<HTMLButtonElement>('button[type="submit"]');
    expect(button?.disabled).toBe(true);
    expect(button?.textContent).toContain('Recording the decision');
  });
});
