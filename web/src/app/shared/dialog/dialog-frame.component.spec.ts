import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { DialogFrameComponent } from './dialog-frame.component';

@Component({
  imports: [DialogFrameComponent, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submitted = submitted + 1">
      <wp-dialog-frame
        title="Record a reading"
        submitLabel="Record reading"
        busyLabel="Saving…"
        cancelLabel="Keep it"
        [busy]="busy()"
        [blocked]="blocked()"
        [error]="error()"
      >
        <input formControlName="value" />
      </wp-dialog-frame>
    </form>
  `,
})
class HostComponent {
  readonly form = new FormGroup({ value: new FormControl('6.4') });
  readonly busy = signal(false);
  readonly blocked = signal(false);
  readonly error = signal<string | null>(null);
  submitted = 0;
}

async function render() {
  const close = jest.fn();
  TestBed.configureTestingModule({ providers: [{ provide: MatDialogRef, useValue: { close } }] });
  const fixture = TestBed.createComponent(HostComponent);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const buttons = () => Array.from(el.querySelectorAll('button'));
  const submit = () => buttons().find((b) => b.type === 'submit');
  return { fixture, el, host: fixture.componentInstance, buttons, submit, close };
}

// The first render of Material's dialog parts can be slow on a busy machine (two shared cores).
jest.setTimeout(30_000);

describe('DialogFrameComponent', () => {
  it('shows the title, the fields of the form, and Cancel beside the submit button', async () => {
    const { el, buttons, submit } = await render();
    expect(el.querySelector('h2')?.textContent?.trim()).toBe('Record a reading');
    expect(el.querySelector('h2')?.classList).toContain('mat-mdc-dialog-title');
    // The projected field keeps its form: it shows the form's value.
    expect(el.querySelector<HTMLInputElement>('.mat-mdc-dialog-content input')?.value).toBe('6.4');
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Keep it', 'Record reading']);
    expect(submit()?.disabled).toBe(false);
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });

  it('submits the form around it', async () => {
    const { host, submit, fixture } = await render();
    submit()?.click();
    await fixture.whenStable();
    expect(host.submitted).toBe(1);
  });

  it('Cancel closes the dialog without submitting', async () => {
    const { host, buttons, close, fixture } = await render();
    buttons()[0]?.click();
    await fixture.whenStable();
    expect(close).toHaveBeenCalled();
    expect(host.submitted).toBe(0);
  });

  it('while busy, says so on the submit button and disables it; also while blocked', async () => {
    const { host, submit, fixture } = await render();
    host.busy.set(true);
    await fixture.whenStable();
    expect(submit()?.textContent?.trim()).toBe('Saving…');
    expect(submit()?.disabled).toBe(true);
    host.busy.set(false);
    host.blocked.set(true);
    await fixture.whenStable();
    expect(submit()?.textContent?.trim()).toBe('Record reading');
    expect(submit()?.disabled).toBe(true);
  });

  it('shows the error as an alert', async () => {
    const { el, host, fixture } = await render();
    host.error.set('The server is not answering. Try again.');
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'The server is not answering. Try again.',
    );
  });
});
