import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { focusAfterRender } from './focus-after-render';

/** A form that closes and leaves a message in its place, as the ideas and answers do. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (open()) {
      <button type="button" class="send" (click)="close()">Send</button>
    } @else {
      <p class="done" tabindex="-1">Sent.</p>
    }
  `,
})
class ClosingFormComponent {
  readonly open = signal(true);
  private readonly focus = focusAfterRender();

  close(): void {
    this.open.set(false);
    this.focus('.done');
  }
}

describe('focusAfterRender', () => {
  it('moves focus to what replaced the closed form, once it is on screen', async () => {
    const fixture = TestBed.createComponent(ClosingFormComponent);
    document.body.appendChild(fixture.nativeElement as HTMLElement);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const send = host.querySelector<HTMLButtonElement>('.send');
    send?.focus();
    expect(document.activeElement).toBe(send);
    send?.click();
    await fixture.whenStable();
    expect(send?.isConnected).toBe(false);
    expect(document.activeElement).toBe(host.querySelector('.done'));
    fixture.destroy();
  });
});
