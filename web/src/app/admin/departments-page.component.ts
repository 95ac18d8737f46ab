import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule, type NgForm } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { type DepartmentResponse, NAME_MAX_LENGTH, type Page } from '@waypoint/contracts';
import { DepartmentsApi } from '../shared/api';
import { genericErrorMessage } from '../shared/problem';
import { AdminNavComponent } from './admin-nav.component';

/** Administration › Departments: create one, rename one. */
@Component({
  selector: 'wp-departments-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    AdminNavComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="admin">
      <wp-admin-nav />
      <h1 class="admin__title">Departments</h1>
      <p class="admin__intro">Teams are formed across departments, to break the silos.</p>

      <section class="admin__section" aria-labelledby="new-department">
        <h2 class="admin__section-title" id="new-department">Add a department</h2>
        <form class="admin__form" #createForm="ngForm" (ngSubmit)="create(createForm)">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Name</mat-label>
            <input
              matInput
              name="name"
              required
              autocomplete="off"
              [maxlength]="nameMax"
              [ngModel]="newName()"
              (ngModelChange)="newName.set($event)"
            />
          </mat-form-field>
          <div class="admin__actions">
            <button mat-flat-button type="submit" [disabled]="newName().trim() === '' || saving()">
              Add department
            </button>
          </div>
        </form>
        @if (createError(); as message) {
          <p class="admin__error" role="alert">{{ message }}</p>
        }
        @if (createdName(); as name) {
          <p class="admin__done" role="status">{{ name }} is added.</p>
        }
      </section>

      <section class="admin__section" aria-labelledby="all-departments">
        <h2 class="admin__section-title" id="all-departments">All departments</h2>
        @if (departments.isLoading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Loading departments" />
        }
        @if (departments.error(); as error) {
          <p class="admin__error" role="alert">{{ errorMessage(error) }}</p>
        }
        <ul class="admin__list" aria-label="Departments">
          @for (department of list(); track department.id) {
            <li class="admin__row">
              @if (editing() === department.id) {
                <form class="admin__form admin__row-main" (ngSubmit)="rename(department)">
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>New name of {{ department.name }}</mat-label>
                    <input
                      matInput
                      name="rename"
                      required
                      [maxlength]="nameMax"
                      [ngModel]="editName()"
                      (ngModelChange)="editName.set($event)"
                    />
                  </mat-form-field>
                  <div class="admin__actions">
                    <button
                      mat-flat-button
                      type="submit"
                      [disabled]="editName().trim() === '' || saving()"
                    >
                      Save
                    </button>
                    <button mat-button type="button" (click)="editing.set(null)">Cancel</button>
                  </div>
                </form>
              } @else {
                <p class="admin__row-main admin__row-name">{{ department.name }}</p>
                <button mat-button type="button" (click)="startEdit(department)">
                  Rename<span class="visually-hidden"> {{ department.name }}</span>
                </button>
              }
              @if (rowError()?.id === department.id) {
                <p class="admin__error" role="alert">{{ rowError()?.message }}</p>
              }
            </li>
          }
        </ul>
      </section>
    </div>
  `,
  styleUrl: './admin.scss',
})
export class DepartmentsPageComponent {
  private readonly api = inject(DepartmentsApi);
  protected readonly nameMax = NAME_MAX_LENGTH;
  protected readonly errorMessage = genericErrorMessage;

  protected readonly departments = httpResource<Page<DepartmentResponse>>(() =>
    this.api.listRequest({ limit: 200 }),
  );
  protected readonly list = computed(() =>
    this.departments.hasValue() ? this.departments.value().items : [],
  );

  protected readonly newName = signal('');
  protected readonly saving = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly createdName = signal<string | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly editName = signal('');
  protected readonly rowError = signal<{ id: string; message: string } | null>(null);

  protected async create(form: NgForm): Promise<void> {
    const name = this.newName().trim();
    if (!name) return;
    this.saving.set(true);
    this.createError.set(null);
    this.createdName.set(null);
    try {
      const created = await this.api.create({ name });
      this.createdName.set(created.name);
      form.resetForm();
      this.newName.set('');
      this.departments.reload();
    } catch (error) {
      this.createError.set(genericErrorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected startEdit(department: DepartmentResponse): void {
    this.editing.set(department.id);
    this.editName.set(department.name);
    this.rowError.set(null);
  }

  protected async rename(department: DepartmentResponse): Promise<void> {
    this.saving.set(true);
    this.rowError.set(null);
    try {
      await this.api.update(department, { name: this.editName().trim() });
      this.editing.set(null);
      this.departments.reload();
    } catch (error) {
      this.rowError.set({ id: department.id, message: genericErrorMessage(error) });
    } finally {
      this.saving.set(false);
    }
  }
}
