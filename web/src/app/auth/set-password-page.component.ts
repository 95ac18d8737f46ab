import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@waypoint/contracts';
import { fieldErrorsOf, genericErrorMessage, httpStatusOf } from '../shared/problem';
import { AuthStore } from './auth.store';
import { focusFirstInvalid } from './focus-first-invalid';

const LINK_UNUSABLE =
  'This link has expired or has already been used. Ask an administrator for a new one.';

/** The confirmation must repeat the password (validator of the `confirm` control). */
function matchesPassword(control: AbstractControl<string>): ValidationErrors | null {
  const password = control.parent?.get('password')?.value as string | undefined;
  return control.value === '' || control.value === password ? null : { mismatch: true };
}

/**
 * `/set-password?token=...`: the page a one-time link opens, to choose a password. On success it
 * goes to the sign-in page, which says the password is set.
 */
@Component({
  selector: 'wp-set-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatIcon,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './set-password-page.component.html',
  styleUrl: './auth-page.scss',
})
export class SetPasswordPageComponent {
  /** Query parameter, bound by `withComponentInputBinding()`. */
  readonly token = input<string>();

  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    confirm: ['', [Validators.required, matchesPassword]],
  });
  protected readonly submitting = signal(false);
  /** Why the link or the request failed (not a field's problem), shown in the alert region. */
  protected readonly problem = signal<string | null>(null);

  constructor() {
    // The confirmation is checked again whenever the password changes.
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.form.controls.confirm.updateValueAndValidity({ emitEvent: false }));
  }

  protected async submit(): Promise<void> {
    const token = this.token();
    if (this.submitting() || !token) return;
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.submitting.set(true);
    try {
      await this.store.setPassword({ token, password: this.form.controls.password.value });
      await this.router.navigate(['/sign-in'], { queryParams: { reason: 'password-set' } });
    } catch (error) {
      this.showError(error);
    } finally {
      this.submitting.set(false);
    }
  }

  /** Password rules broken go under the field; a used or expired link goes to the alert. */
  private showError(error: unknown): void {
    const status = httpStatusOf(error);
    const passwordErrors = fieldErrorsOf(error, 'password');
    if (status === 400 && passwordErrors.length > 0) {
      const control = this.form.controls.password;
      control.setErrors({ server: passwordErrors.join(' ') });
      control.markAsTouched();
      focusFirstInvalid(this.host.nativeElement);
    } else if (status === 410 || (status === 400 && fieldErrorsOf(error, 'token').length > 0)) {
      this.problem.set(LINK_UNUSABLE);
    } else {
      this.problem.set(genericErrorMessage(error));
    }
  }
}
