import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  AdminFormDirective,
  AdminListEditorComponent,
  AdminRowDirective,
} from './admin-list-editor.component';

interface Item {
  id: string;
  name: string;
}

@Component({
  imports: [AdminFormDirective, AdminListEditorComponent, AdminRowDirective],
  template: `
    <wp-admin-list-editor
      key="group"
      addTitle="Add a customer group"
      newLabel="New customer group"
      listTitle="All customer groups"
      listLabel="Customer groups"
      loadingLabel="Loading customer groups"
      [items]="items()"
      [loading]="loading()"
      [loaded]="loaded()"
      [loadError]="loadError()"
      [emptyText]="emptyText()"
      [editing]="editing()"
      [saved]="saved()"
      (startNew)="editing.set('new')"
    >
      <ng-template wpAdminForm [wpAdminFormOf]="items()" let-item>
        <form>Editing {{ item?.name ?? 'a new one' }}</form>
      </ng-template>
      <ng-template wpAdminRow [wpAdminRowOf]="items()" let-item>
        <p class="name">{{ item.name }}</p>
      </ng-template>
      @if (withRowEnd()) {
        <ng-template wpAdminRow="end" [wpAdminRowOf]="items()" let-item>
          <p class="end">End of {{ item.name }}</p>
        </ng-template>
      }
    </wp-admin-list-editor>
  `,
})
class HostComponent {
  readonly items = signal<Item[]>([
    { id: 'g1', name: 'Retail' },
    { id: 'g2', name: 'Business' },
  ]);
  readonly loading = signal(false);
  readonly loaded = signal(true);
  readonly loadError = signal<unknown>(undefined);
  readonly emptyText = signal<string | null>(null);
  readonly editing = signal<string | null>(null);
  readonly saved = signal<string | null>(null);
  readonly withRowEnd = signal(true);
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

async function render() {
  const fixture = TestBed.createComponent(HostComponent);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const settle = () => fixture.whenStable();
  return { fixture, el, host: fixture.componentInstance, settle };
}

// The first render of Material's parts can be slow on a busy machine (two shared cores).
jest.setTimeout(30_000);

describe('AdminListEditorComponent', () => {
  it('has a section to add one and a labelled list with a row per record', async () => {
    const { el } = await render();
    const [add, all] = Array.from(el.querySelectorAll('section'));
    expect(add?.getAttribute('aria-labelledby')).toBe('new-group');
    expect(text(add?.querySelector('#new-group'))).toBe('Add a customer group');
    expect(text(add?.querySelector('button'))).toBe('New customer group');
    expect(all?.getAttribute('aria-labelledby')).toBe('all-groups');
    expect(text(all?.querySelector('#all-groups'))).toBe('All customer groups');
    expect(all?.querySelector('ul')?.getAttribute('aria-label')).toBe('Customer groups');
    expect(Array.from(el.querySelectorAll('li')).map(text)).toEqual([
      'RetailEnd of Retail',
      'BusinessEnd of Business',
    ]);
    expect(el.querySelector('form')).toBeNull();
  });

  it('opens the form for a new record in the add section, then says what was saved', async () => {
    const { el, host, settle } = await render();
    el.querySelector<HTMLButtonElement>('section button')?.click();
    await settle();
    expect(text(el.querySelector('section form'))).toBe('Editing a new one');
    expect(el.querySelector('section button')).toBeNull();
    host.editing.set(null);
    host.saved.set('Retail is saved.');
    await settle();
    expect(text(el.querySelector('[role="status"]'))).toBe('Retail is saved.');
  });

  it('shows the form in place of the row being edited, and its row end still', async () => {
    const { el, host, settle } = await render();
    host.editing.set('g2');
    await settle();
    const rows = Array.from(el.querySelectorAll('li'));
    expect(text(rows[0])).toBe('RetailEnd of Retail');
    expect(text(rows[1]?.querySelector('.admin__row-main form'))).toBe('Editing Business');
    expect(rows[1]?.querySelector('.name')).toBeNull();
    expect(text(rows[1]?.querySelector('.end'))).toBe('End of Business');
  });

  it('a row end is optional', async () => {
    const { el, host, settle } = await render();
    host.withRowEnd.set(false);
    await settle();
    expect(Array.from(el.querySelectorAll('li')).map(text)).toEqual(['Retail', 'Business']);
  });

  it('shows loading, the load error, and the empty line only once loaded', async () => {
    const { el, host, settle } = await render();
    host.items.set([]);
    host.emptyText.set('No customer group yet.');
    host.loaded.set(false);
    host.loading.set(true);
    await settle();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Loading customer groups',
    );
    expect(el.querySelector('.admin__muted')).toBeNull();
    host.loading.set(false);
    host.loaded.set(true);
    await settle();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(text(el.querySelector('.admin__muted'))).toBe('No customer group yet.');
    host.loadError.set(new HttpErrorResponse({ status: 500 }));
    await settle();
    expect(text(el.querySelector('[role="alert"]'))).toBe(
      'Something went wrong (error 500). Try again.',
    );
  });
});
