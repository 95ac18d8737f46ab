import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { InitiativeListItem } from '@waypoint/contracts';
import { waitText } from '../shared/format';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { genericErrorMessage } from '../shared/problem';
import { hoursSince, PlansWaitingStore } from './plans-waiting.store';

/** Longest reason the API keeps with a transition. */
const REASON_MAX_LENGTH = 2000;

/**
 * In Approvals, beside the gates: the plans proposed to me as sponsor, each with how long it has
 * waited; accept and start it, or send it back for rework with a reason the team reads.
 */
@Component({
  selector: 'wp-plans-waiting',
  imports: [FormsModule, MatButton, MatFormField, MatHint, MatInput, MatLabel, RouterLink],
  providers: [PlansWaitingStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.items().length > 0) {
      <section class="plans" aria-labelledby="plans-title">
        <h2 class="plans__title" id="plans-title">Plans waiting for your acceptance</h2>
        <ul class="plans__list" aria-label="Plans waiting for your acceptance">
          @for (plan of store.items(); track plan.id) {
            <li class="plans__item">
              <h3 class="plans__name">
                <a [routerLink]="['/initiatives', plan.id]">{{ plan.title }}</a>
              </h3>
              <p class="plans__meta">
                Proposed by {{ plan.owner.displayName }} · waiting for
                {{ waiting(plan) }}
              </p>
              @if (sendingBack() === plan.id) {
                <form class="plans__form" (ngSubmit)="sendBack(plan)">
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>What should the team rework?</mat-label>
                    <textarea
                      matInput
                      name="reason"
                      rows="3"
                      required
                      [maxlength]="reasonMax"
                      [ngModel]="reason()"
                      (ngModelChange)="reason.set($event)"
                    ></textarea>
                    <mat-hint>The owner and the team read this in their notifications.</mat-hint>
                  </mat-form-field>
                  <div class="plans__actions">
                    <button
                      mat-flat-button
                      type="submit"
                      [disabled]="reason().trim() === '' || busy()"
                    >
                      Send back
                    </button>
                    <button mat-button type="button" (click)="sendingBack.set(null)">Cancel</button>
                  </div>
                </form>
              } @else {
                <div class="plans__actions">
                  <button mat-flat-button type="button" [disabled]="busy()" (click)="accept(plan)">
                    Accept and start
                  </button>
                  <button mat-stroked-button type="button" (click)="startSendBack(plan)">
                    Send back for rework
                  </button>
                </div>
              }
              @if (failure()?.id === plan.id) {
                <p class="plans__error" role="alert">{{ failure()?.message }}</p>
              }
            </li>
          }
        </ul>
      </section>
    }
    @if (done(); as message) {
      <p class="plans__done" role="status">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 24px;
    }
    .plans__title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .plans__list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .plans__item {
      margin-bottom: 12px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    .plans__name {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .plans__meta {
      margin: 4px 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .plans__form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .plans__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .plans__error {
      color: var(--mat-sys-error);
    }
  `,
})
export class PlansWaitingComponent {
  protected readonly store = inject(PlansWaitingStore);
  private readonly live = inject(LiveUpdatesService).watch(
    (event) => event.kind === 'initiative',
    () => this.store.reload(),
  );
  protected readonly reasonMax = REASON_MAX_LENGTH;
  protected readonly sendingBack = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly failure = signal<{ id: string; message: string } | null>(null);
  protected readonly done = signal<string | null>(null);

  protected waiting(plan: InitiativeListItem): string {
    return waitText(hoursSince(plan.updatedAt));
  }

  protected startSendBack(plan: InitiativeListItem): void {
    this.sendingBack.set(plan.id);
    this.reason.set('');
    this.failure.set(null);
  }

  protected async accept(plan: InitiativeListItem): Promise<void> {
    await this.run(plan, () => this.store.accept(plan), `${plan.title} is accepted and started.`);
  }

  protected async sendBack(plan: InitiativeListItem): Promise<void> {
    if (this.reason().trim() === '') return;
    await this.run(
      plan,
      () => this.store.sendBack(plan, this.reason()),
      `${plan.title} is sent back to ${plan.owner.displayName} with your reason.`,
    );
    if (!this.failure()) this.sendingBack.set(null);
  }

  private async run(plan: InitiativeListItem, action: () => Promise<void>, message: string) {
    this.busy.set(true);
    this.failure.set(null);
    this.done.set(null);
    try {
      await action();
      this.done.set(message);
    } catch (error) {
      this.failure.set({ id: plan.id, message: genericErrorMessage(error) });
    } finally {
      this.busy.set(false);
    }
  }
}
