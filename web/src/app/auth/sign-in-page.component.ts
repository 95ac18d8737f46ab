import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  resource,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, type SsoFailure } from '@waypoint/contracts';
import { ssoStartUrl } from '../shared/api/auth.api';
import { iconPath } from '../shared/icon-paths';
import { genericErrorMessage, httpStatusOf, problemOf, retryAfterSeconds } from '../shared/problem';
import { AuthStore } from './auth.store';
import { landingUrl, safeReturnUrl } from './return-url';

/** Why the user was sent here, from `?reason=`; only these known values show a notice. */
const NOTICES: Readonly<Record<string, string>> = {
  'session-ended': 'Your session has ended. Sign in again to continue where you were.',
  'password-set': 'Your password is set. Sign in with it now.',
};

/** Why a single sign-on came back without a session (`?sso=`), in words; `{p}` is the provider. */
const SSO_FAILURES: Readonly<Record<SsoFailure, string>> = {
  refused: 'Signing in with {p} did not complete: its answer could not be checked. Try again.',
  unknown_user:
    'There is no Waypoint account for your {p} account yet. Ask an administrator to add you.',
  inactive: 'Your Waypoint account is deactivated. Ask an administrator if you need it again.',
  provider_error: '{p} did not sign you in. Try again.',
  unavailable: '{p} cannot be reached right now. Try again in a moment.',
};

/** The address check of Angular's `Validators.email` (the form used it before; same answers). */
const EMAIL_PATTERN =
  /^(?=.{1,254}$)(?=.{1,64}@)[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** What is wrong with the email field, in words (null: nothing). */
export function emailProblem(email: string): string | null {
  if (email === '') return 'Enter your email address.';
  if (!EMAIL_PATTERN.test(email)) return 'Enter an email address such as name@example.com.';
  return null;
}

/** What is wrong with the password field, in words (null: nothing). */
export function passwordProblem(password: string): string | null {
  return password === '' ? 'Enter your password.' : null;
}

/** What to tell the user when signing in failed. */
export function signInErrorMessage(error: unknown): string {
  const status = httpStatusOf(error);
  if (status === 429) {
    const seconds = retryAfterSeconds(error);
    return seconds === null
      ? 'Too many attempts, try again later.'
      : `Too many attempts, try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
  }
  if (status === 401) {
    return problemOf(error)?.detail ?? 'The email address or password is not right.';
  }
  return genericErrorMessage(error);
}

/**
 * `/sign-in?returnUrl=...`: email and password, then on to returnUrl or the role's home.
 *
 * The first page of a first visit, so it draws with plain form controls styled like Material's
 * outlined fields and filled button: no forms package, no Material module in its download.
 */
@Component({
  selector: 'wp-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.component.html',
  styleUrl: './auth-page.scss',
})
export class SignInPageComponent {
  /** Query parameters, bound by `withComponentInputBinding()`. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();
  /** Why a single sign-on failed, set by the API's callback. */
  readonly sso = input<string>();

  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');

  protected readonly emailMax = EMAIL_MAX_LENGTH;
  protected readonly passwordMax = PASSWORD_MAX_LENGTH;
  protected readonly infoIcon = iconPath('info');
  protected readonly errorIcon = iconPath('error');

  protected readonly email = signal('');
  protected readonly password = signal('');
  /** Left once (blur), or a submit was tried: only then does a field say what is wrong. */
  protected readonly emailTouched = signal(false);
  protected readonly passwordTouched = signal(false);
  protected readonly emailError = computed(() =>
    this.emailTouched() ? emailProblem(this.email()) : null,
  );
  protected readonly passwordError = computed(() =>
    this.passwordTouched() ? passwordProblem(this.password()) : null,
  );

  protected readonly submitting = signal(false);
  /** The server's answer when signing in failed, shown in the alert region. */
  protected readonly problem = signal<string | null>(null);
  /** Password sign-in, single sign-on: what this server offers. */
  protected readonly options = resource({ loader: () => this.store.signInOptions() });
  protected readonly passwordSignIn = computed(
    () => this.options.value()?.passwordSignIn ?? !this.options.error(),
  );
  protected readonly provider = computed(() => this.options.value()?.sso?.providerName ?? null);
  protected readonly ssoHref = computed(() => ssoStartUrl(safeReturnUrl(this.returnUrl())));
  protected readonly ssoProblem = computed(() => {
    const reason = this.sso();
    if (!reason || !Object.hasOwn(SSO_FAILURES, reason)) return null;
    const name = this.provider() ?? 'your organisation';
    return SSO_FAILURES[reason as SsoFailure].replaceAll('{p}', name);
  });
  protected readonly notice = computed(() => {
    const reason = this.reason();
    return reason && Object.hasOwn(NOTICES, reason) ? NOTICES[reason] : null;
  });

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    this.problem.set(null);
    const email = this.email();
    const password = this.password();
    if (emailProblem(email) !== null || passwordProblem(password) !== null) {
      this.emailTouched.set(true);
      this.passwordTouched.set(true);
      const first = emailProblem(email) !== null ? this.emailInput() : this.passwordInput();
      first?.nativeElement.focus();
      return;
    }
    this.submitting.set(true);
    try {
      const user = await this.store.signIn({ email, password });
      await this.router.navigateByUrl(landingUrl(user.role, this.returnUrl()));
    } catch (error) {
      this.problem.set(signInErrorMessage(error));
      if (httpStatusOf(error) === 401) this.retryPassword();
    } finally {
      this.submitting.set(false);
    }
  }

  /** After a wrong password: empty the password, without error marks, and focus it to retype. */
  private retryPassword(): void {
    this.password.set('');
    this.emailTouched.set(false);
    this.passwordTouched.set(false);
    const input = this.passwordInput()?.nativeElement;
    if (input) {
      input.value = '';
      input.focus();
    }
  }
}
