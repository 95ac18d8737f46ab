import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  initiativeTab,
  type InitiativeTab,
  InitiativeTabPanelDirective,
  InitiativeTabsComponent,
} from './initiative-tabs.component';

describe('InitiativeTabsComponent', () => {
  it('reads the tab from the address, the gates and steps for anything unknown', () => {
    expect(initiativeTab('measures')).toBe('measures');
    expect(initiativeTab('nonsense')).toBe('work');
    expect(initiativeTab(undefined)).toBe('work');
  });

  it('marks the selected tab, and arrow keys, Home and End choose another', async () => {
    const fixture = TestBed.createComponent(InitiativeTabsComponent);
    fixture.componentRef.setInput('selected', 'work');
    const chosen: string[] = [];
    fixture.componentInstance.selectTab.subscribe((tab) => chosen.push(tab));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const tabs = Array.from(el.querySelectorAll<HTMLButtonElement>('[role=tab]'));
    expect(tabs.map((t) => [t.textContent?.trim(), t.getAttribute('aria-selected')])).toEqual([
      ['Gates and steps', 'true'],
      ['Measures', 'false'],
      ['Plan and team', 'false'],
      ['Cycle reviews', 'false'],
      ['Comments', 'false'],
      ['History', 'false'],
    ]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    for (const key of ['ArrowRight', 'ArrowLeft', 'End', 'Home']) {
      tabs[0]?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    tabs[2]?.click();
    expect(chosen).toEqual(['measures', 'history', 'history', 'work', 'plan']);
  });
});

@Component({
  imports: [InitiativeTabPanelDirective],
  template: `
    <div wpTabPanel="work" [shownTab]="shown()">Gates</div>
    <div wpTabPanel="measures" [shownTab]="shown()">Measures</div>
  `,
})
class PanelsComponent {
  readonly shown = signal<InitiativeTab>('work');
}

describe('InitiativeTabPanelDirective', () => {
  it('makes each panel the tab panel of its tab, shown only when its tab is', async () => {
    const fixture = TestBed.createComponent(PanelsComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const panels = () =>
      Array.from(el.querySelectorAll<HTMLElement>('div')).map((d) => ({
        role: d.getAttribute('role'),
        id: d.id,
        labelledBy: d.getAttribute('aria-labelledby'),
        hidden: d.hidden,
      }));
    expect(panels()).toEqual([
      { role: 'tabpanel', id: 'panel-work', labelledBy: 'tab-work', hidden: false },
      { role: 'tabpanel', id: 'panel-measures', labelledBy: 'tab-measures', hidden: true },
    ]);
    fixture.componentInstance.shown.set('measures');
    await fixture.whenStable();
    expect(panels().map((p) => p.hidden)).toEqual([true, false]);
  });
});
