import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  CUSTOMER_GROUP_INTENT_VALUES,
  CUSTOMER_GROUP_NAME_MAX_LENGTH,
  CUSTOMER_GROUP_TEXT_MAX_LENGTH,
  type CustomerGroupIntent,
  type CustomerGroupResponse,
  type Page,
} from '@waypoint/contracts';
import { CustomerGroupsApi } from '../shared/api';
import { genericErrorMessage } from '../shared/problem';
import { INTENT_LABEL } from '../shared/vocabulary';
import {
  AdminFormDirective,
  AdminListEditorComponent,
  AdminRowDirective,
} from './admin-list-editor.component';
import { AdminNavComponent } from './admin-nav.component';

/** What the form edits of a customer group. */
export interface GroupDraft {
  name: string;
  intent: CustomerGroupIntent;
  description: string;
  valueProposition: string;
  protected: boolean;
}

const EMPTY: GroupDraft = {
  name: '',
  intent: 'grow',
  description: '',
  valueProposition: '',
  protected: false,
};

/** The fields of the draft that differ from the group (a PATCH sends only those). */
export function groupChanges(group: CustomerGroupResponse, draft: GroupDraft): Partial<GroupDraft> {
  const changes: Partial<GroupDraft> = {};
  if (draft.name.trim() !== group.name) changes.name = draft.name.trim();
  if (draft.intent !== group.intent) changes.intent = draft.intent;
  if (draft.description.trim() !== group.description)
    changes.description = draft.description.trim();
  if (draft.valueProposition.trim() !== group.valueProposition) {
    changes.valueProposition = draft.valueProposition.trim();
  }
  if (draft.protected !== group.protected) changes.protected = draft.protected;
  return changes;
}

/** Administration › Customer groups: create one, edit its intent, texts and protection. */
@Component({
  selector: 'wp-customer-groups-admin-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    AdminFormDirective,
    AdminListEditorComponent,
    AdminNavComponent,
    AdminRowDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-groups-admin-page.component.html',
  styleUrl: './admin.scss',
})
export class CustomerGroupsAdminPageComponent {
  private readonly api = inject(CustomerGroupsApi);
  protected readonly intents = CUSTOMER_GROUP_INTENT_VALUES;
  protected readonly intentLabel = INTENT_LABEL;
  protected readonly nameMax = CUSTOMER_GROUP_NAME_MAX_LENGTH;
  protected readonly textMax = CUSTOMER_GROUP_TEXT_MAX_LENGTH;

  protected readonly groups = httpResource<Page<CustomerGroupResponse>>(() =>
    this.api.listRequest({ limit: 200 }),
  );
  protected readonly list = computed(() =>
    this.groups.hasValue() ? this.groups.value().items : [],
  );

  /** The group being edited; 'new' for a new one; null: none. */
  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal<GroupDraft>(EMPTY);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);

  protected set<K extends keyof GroupDraft>(key: K, value: GroupDraft[K]): void {
    this.draft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected startNew(): void {
    this.editing.set('new');
    this.draft.set(EMPTY);
    this.error.set(null);
    this.saved.set(null);
  }

  protected startEdit(group: CustomerGroupResponse): void {
    this.editing.set(group.id);
    this.draft.set({
      name: group.name,
      intent: group.intent,
      description: group.description,
      valueProposition: group.valueProposition,
      protected: group.protected,
    });
    this.error.set(null);
    this.saved.set(null);
  }

  protected async save(group: CustomerGroupResponse | null): Promise<void> {
    const draft = this.draft();
    if (draft.name.trim() === '') return;
    this.saving.set(true);
    this.error.set(null);
    try {
      if (group) {
        const changes = groupChanges(group, draft);
        if (Object.keys(changes).length > 0) await this.api.update(group, changes);
      } else {
        await this.api.create({
          name: draft.name.trim(),
          intent: draft.intent,
          description: draft.description.trim(),
          valueProposition: draft.valueProposition.trim(),
          protected: draft.protected,
        });
      }
      this.saved.set(`${draft.name.trim()} is saved.`);
      this.editing.set(null);
      this.groups.reload();
    } catch (error) {
      this.error.set(genericErrorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }
}
