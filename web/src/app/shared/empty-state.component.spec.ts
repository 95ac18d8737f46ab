import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { EmptyStateComponent } from './empty-state.component';
import { provideIcons } from './icons';

async function render(
  inputs: Record<string, unknown>,
): Promise<ComponentFixture<EmptyStateComponent>> {
  TestBed.configureTestingModule({ providers: [provideIcons()] });
  const fixture = TestBed.createComponent(EmptyStateComponent);
  for (const [name, value] of Object.entries(inputs)) {
    fixture.componentRef.setInput(name, value);
  }
  await fixture.whenStable();
  return fixture;
}

const base = { icon: 'cycles', heading: 'Cycles', message: 'Cycles will appear here.' };

describe('EmptyStateComponent', () => {
  it('shows the heading as an h1 and the message', async () => {
    const el = (await render(base)).nativeElement as HTMLElement;

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Cycles');
    expect(el.querySelector('p')?.textContent?.trim()).toBe('Cycles will appear here.');
    expect(el.querySelector('h2, h3')).toBeNull();
  });

  it('renders the named icon as decorative inline SVG', async () => {
    const el = (await render(base)).nativeElement as HTMLElement;
    const icon = el.querySelector('mat-icon');

    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(icon?.getAttribute('data-mat-icon-name')).toBe('cycles');
    expect(icon?.querySelector('svg path')).not.toBeNull();
  });

  it.each([2, 3] as const)('uses an h%i when asked for that heading level', async (level) => {
    const el = (await render({ ...base, headingLevel: level })).nativeElement as HTMLElement;

    expect(el.querySelector('h1')).toBeNull();
    expect(el.querySelector(`h${level}`)?.textContent?.trim()).toBe('Cycles');
  });

  it('follows input changes', async () => {
    const fixture = await render(base);
    fixture.componentRef.setInput('heading', 'Brief');
    fixture.componentRef.setInput('message', 'Briefs will appear here.');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Brief');
    expect(el.querySelector('p')?.textContent?.trim()).toBe('Briefs will appear here.');
  });

  it('projects actions', async () => {
    @Component({
      imports: [EmptyStateComponent],
      template: `<wp-empty-state icon="brief" heading="Brief" message="Soon."
        ><button type="button">Create</button></wp-empty-state
      >`,
    })
    class HostComponent {}

    TestBed.configureTestingModule({ providers: [provideIcons()] });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('.empty-state__actions button')?.textContent).toBe('Create');
  });
});
