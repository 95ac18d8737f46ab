import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  ROLE_VALUES,
  type Role,
  type UserResponse,
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { ROLE_LABEL } from '../places';
import { CopyButtonComponent } from '../shared/copy-button.component';
import { DateTimePipe } from '../shared/format';
import { fieldErrorsOf, genericErrorMessage } from '../shared/problem';
import { AdminNavComponent } from './admin-nav.component';
import { demotes, UsersStore } from './users.store';

/**
 * Administration › People: add a person (the set-password link to hand over is shown once),
 * change a role, deactivate; when someone stops being an executive, the initiatives they
 * sponsored are listed to give another sponsor each.
 */
@Component({
  selector: 'wp-users-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    AdminNavComponent,
    CopyButtonComponent,
    DateTimePipe,
  ],
  providers: [UsersStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.component.html',
  styleUrl: './admin.scss',
})
export class UsersPageComponent {
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(UsersStore);
  /** Admins cannot deactivate or demote themselves here (the API refuses self-deactivation). */
  protected readonly myId = computed(() => this.auth.user()?.id ?? null);
  protected readonly roles = ROLE_VALUES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly nameMax = NAME_MAX_LENGTH;
  protected readonly emailMax = EMAIL_MAX_LENGTH;
  protected readonly errorMessage = genericErrorMessage;

  // The new person.
  protected readonly name = signal('');
  protected readonly email = signal('');
  protected readonly role = signal<Role>('member');
  protected readonly departmentId = signal('');
  protected readonly creating = signal(false);
  protected readonly createError = signal<unknown>(null);
  protected readonly emailErrors = computed(() => fieldErrorsOf(this.createError(), 'email'));

  // Changes to the people listed.
  protected readonly pendingRole = signal<Readonly<Record<string, Role>>>({});
  protected readonly confirming = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);
  protected readonly sponsorChoice = signal<Readonly<Partial<Record<string, string>>>>({});
  protected readonly reassignError = signal<{ id: string; message: string } | null>(null);

  protected readonly canCreate = computed(
    () =>
      this.name().trim() !== '' &&
      this.email().trim() !== '' &&
      this.departmentId() !== '' &&
      !this.creating(),
  );

  protected async create(): Promise<void> {
    if (!this.canCreate()) return;
    this.creating.set(true);
    this.createError.set(null);
    try {
      await this.store.create({
        displayName: this.name().trim(),
        email: this.email().trim(),
        role: this.role(),
        departmentId: this.departmentId(),
      });
      this.name.set('');
      this.email.set('');
    } catch (error) {
      this.createError.set(error);
    } finally {
      this.creating.set(false);
    }
  }

  protected roleOf(user: UserResponse): Role {
    return this.pendingRole()[user.id] ?? user.role;
  }

  protected chooseRole(user: UserResponse, role: string): void {
    this.pendingRole.update((pending) => ({ ...pending, [user.id]: role as Role }));
  }

  /** What changing the role will do, said before it is done. */
  protected roleWarning(user: UserResponse): string | null {
    const next = this.roleOf(user);
    return next !== user.role && demotes(user.role, next)
      ? `${user.displayName} will no longer sponsor initiatives: you will choose another sponsor for each.`
      : null;
  }

  protected async changeRole(user: UserResponse): Promise<void> {
    await this.run(user, { role: this.roleOf(user) });
    this.pendingRole.update((pending) => {
      const rest = { ...pending };
      delete rest[user.id];
      return rest;
    });
  }

  protected async setActive(user: UserResponse, active: boolean): Promise<void> {
    this.confirming.set(null);
    await this.run(user, { active });
  }

  private async run(user: UserResponse, change: { role?: Role; active?: boolean }): Promise<void> {
    this.busy.set(user.id);
    this.rowError.set(null);
    try {
      await this.store.update(user, change);
    } catch (error) {
      this.rowError.set({ id: user.id, message: genericErrorMessage(error) });
    } finally {
      this.busy.set(null);
    }
  }

  protected chooseSponsor(initiativeId: string, sponsorId: string): void {
    this.sponsorChoice.update((choice) => ({ ...choice, [initiativeId]: sponsorId }));
  }

  protected async reassign(initiativeId: string): Promise<void> {
    const sponsor = this.store
      .sponsorList()
      .find((s) => s.id === this.sponsorChoice()[initiativeId]);
    if (!sponsor) return;
    this.reassignError.set(null);
    try {
      await this.store.reassign(initiativeId, sponsor);
    } catch (error) {
      this.reassignError.set({ id: initiativeId, message: genericErrorMessage(error) });
    }
  }
}
