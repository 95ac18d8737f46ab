import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { EmailKind, UnsubscribeDescription } from '@waypoint/contracts';
import { EmailApi } from '../shared/api';
import { genericErrorMessage, httpStatusOf } from '../shared/problem';
import { EMAIL_KIND_LABEL } from '../shared/vocabulary';

const LINK_INVALID =
  'This unsubscribe link is not valid. Sign in and choose your emails on your profile instead.';

/**
 * `/unsubscribe?token=...`: the page every email's unsubscribe link opens, without signing in.
 * Opening it changes nothing (mail scanners open links); the button applies it.
 */
@Component({
  selector: 'wp-unsubscribe-page',
  imports: [MatButton, MatIcon, MatProgressBar, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../auth/auth-page.scss',
  template: `
    <div class="auth-page">
      <section class="auth-card" aria-labelledby="unsubscribe-heading">
        <p class="auth-card__brand">Waypoint</p>
        <h1 id="unsubscribe-heading" class="auth-card__heading">Stop these emails</h1>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Reading the link" />
        }
        <div class="auth-card__alert" role="alert">
          @if (problem(); as text) {
            <div class="auth-card__message auth-card__message--error">
              <mat-icon svgIcon="error" aria-hidden="true" />
              <p>{{ text }}</p>
            </div>
          }
        </div>
        @if (description(); as d) {
          @if (done()) {
            <div class="auth-card__message auth-card__message--info" role="status">
              <p>Done: {{ d.email }} will no longer get these emails.</p>
            </div>
            <p class="auth-card__intro">
              Your notifications still arrive in the app. You can change this at any time on your
              <a routerLink="/profile">profile</a>.
            </p>
          } @else {
            <p class="auth-card__intro">No more emails to {{ d.email }} about:</p>
            <ul class="auth-card__intro">
              @for (kind of d.kinds; track kind) {
                <li>{{ label(kind) }}</li>
              }
            </ul>
            <button mat-flat-button type="button" [disabled]="working()" (click)="confirm()">
              Unsubscribe
            </button>
          }
        }
      </section>
    </div>
  `,
})
export class UnsubscribePageComponent {
  /** Query parameter, bound by `withComponentInputBinding()`. */
  readonly token = input<string>();

  private readonly api = inject(EmailApi);
  protected readonly description = signal<UnsubscribeDescription | null>(null);
  protected readonly loading = signal(true);
  protected readonly working = signal(false);
  protected readonly done = signal(false);
  protected readonly problem = signal<string | null>(null);

  constructor() {
    effect(() => {
      void this.load(this.token() ?? '');
    });
  }

  protected label(kind: EmailKind): string {
    return EMAIL_KIND_LABEL[kind];
  }

  protected async confirm(): Promise<void> {
    this.working.set(true);
    this.problem.set(null);
    try {
      this.description.set(await this.api.unsubscribe(this.token() ?? ''));
      this.done.set(true);
    } catch (error) {
      this.problem.set(this.messageOf(error));
    } finally {
      this.working.set(false);
    }
  }

  private async load(token: string): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    this.description.set(null);
    this.done.set(false);
    try {
      if (!token) throw new Error('no token');
      this.description.set(await this.api.describeUnsubscribe(token));
    } catch (error) {
      this.problem.set(this.messageOf(error));
    } finally {
      this.loading.set(false);
    }
  }

  private messageOf(error: unknown): string {
    const status = httpStatusOf(error);
    return status === null || status === 400 || status === 404
      ? LINK_INVALID
      : genericErrorMessage(error);
  }
}
