import { ChangeDetectionStrategy, Component, Directive, input, output } from '@angular/core';

/** The tabs of the initiative page, the work of the current gate first. */
export const INITIATIVE_TABS = [
  { key: 'work', label: 'Gates and steps' },
  { key: 'measures', label: 'Measures' },
  { key: 'plan', label: 'Plan and team' },
  { key: 'reviews', label: 'Cycle reviews' },
  { key: 'comments', label: 'Comments' },
  { key: 'history', label: 'History' },
] as const;
export type InitiativeTab = (typeof INITIATIVE_TABS)[number]['key'];

/** The tab a `?tab=` value names; the first for anything else. */
export function initiativeTab(value: string | null | undefined): InitiativeTab {
  return INITIATIVE_TABS.find((t) => t.key === value)?.key ?? 'work';
}

/**
 * The tab list of the initiative page (the ARIA tabs pattern: arrow keys, Home and End move
 * between tabs and select them). The panels are the page's, each marked with `wpTabPanel`.
 */
@Component({
  selector: 'wp-initiative-tabs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tabs" role="tablist" aria-label="Parts of this initiative">
      @for (t of tabs; track t.key) {
        <button
          type="button"
          role="tab"
          class="tabs__tab"
          [id]="'tab-' + t.key"
          [attr.aria-selected]="selected() === t.key"
          [attr.aria-controls]="'panel-' + t.key"
          [tabIndex]="selected() === t.key ? 0 : -1"
          (click)="selectTab.emit(t.key)"
          (keydown)="onKey($event)"
        >
          {{ t.label }}
        </button>
      }
    </div>
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0 4px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .tabs__tab {
      padding: 10px 12px;
      border: 0;
      border-bottom: 3px solid transparent;
      background: none;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-title-small);
      cursor: pointer;
    }
    .tabs__tab[aria-selected='true'] {
      border-bottom-color: var(--mat-sys-primary);
      color: var(--mat-sys-primary);
    }
    .tabs__tab:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
  `,
})
export class InitiativeTabsComponent {
  readonly selected = input.required<InitiativeTab>();
  readonly selectTab = output<InitiativeTab>();

  protected readonly tabs = INITIATIVE_TABS;

  protected onKey(event: KeyboardEvent): void {
    const index = INITIATIVE_TABS.findIndex((t) => t.key === this.selected());
    const last = INITIATIVE_TABS.length - 1;
    const next: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const to = next[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const key = INITIATIVE_TABS[to].key;
    this.selectTab.emit(key);
    const tablist = (event.target as HTMLElement).parentElement;
    queueMicrotask(() => tablist?.querySelector<HTMLElement>(`#tab-${key}`)?.focus());
  }
}

/**
 * A panel of the initiative page's tabs: `<div wpTabPanel="measures" [shownTab]="shownTab()">`
 * is the tab panel `panel-measures`, labelled by its tab `tab-measures`, hidden unless shown.
 */
@Directive({
  selector: '[wpTabPanel]',
  host: {
    role: 'tabpanel',
    '[id]': "'panel-' + wpTabPanel()",
    '[attr.aria-labelledby]': "'tab-' + wpTabPanel()",
    '[hidden]': 'shownTab() !== wpTabPanel()',
  },
})
export class InitiativeTabPanelDirective {
  readonly wpTabPanel = input.required<InitiativeTab>();
  readonly shownTab = input.required<InitiativeTab>();
}
