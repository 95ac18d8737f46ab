import { TestBed } from '@angular/core/testing';
import type { StepResponse } from '@waypoint/contracts';
import { StepActionsComponent } from './step-actions.component';

const STEP = {
  id: 's1',
  title: 'Map the call flow',
  status: 'todo',
  movedFromMilestoneId: 'g1',
} as unknown as StepResponse;

async function render(step: StepResponse, canSteer: boolean) {
  const fixture = TestBed.createComponent(StepActionsComponent);
  fixture.componentRef.setInput('step', step);
  fixture.componentRef.setInput('canSteer', canSteer);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const visible = () =>
    Array.from(el.querySelectorAll('button')).map((b) => b.getAttribute('aria-label'));
  const openMenu = async (): Promise<string[]> => {
    el.querySelector<HTMLButtonElement>('[data-step-menu]')?.click();
    await fixture.whenStable();
    return Array.from(document.querySelectorAll('[mat-menu-item]')).map(
      (b) => b.textContent?.trim() ?? '',
    );
  };
  return { fixture, el, visible, openMenu };
}

describe('StepActionsComponent', () => {
  it('shows the next move and a menu named after the step; the rest is in the menu', async () => {
    const { visible, openMenu } = await render(STEP, true);
    expect(visible()).toEqual([
      'Move “Map the call flow” to Doing',
      'More actions for “Map the call flow”',
    ]);
    expect(await openMenu()).toEqual([
      'Move “Map the call flow” to Blocked',
      'Move “Map the call flow” to Done',
      'Edit “Map the call flow”',
      'Send back “Map the call flow” to its gate',
      'Remove “Map the call flow”',
    ]);
  });

  it('a done step has only its menu; a team member cannot send a step back', async () => {
    const { visible, openMenu } = await render({ ...STEP, status: 'done' }, false);
    expect(visible()).toEqual(['More actions for “Map the call flow”']);
    const items = await openMenu();
    expect(items).toContain('Move “Map the call flow” to Doing');
    expect(items.some((i) => i.startsWith('Send back'))).toBe(false);
  });
});
