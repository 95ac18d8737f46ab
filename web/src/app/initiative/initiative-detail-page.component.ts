import { AlertListComponent } from '../shared/alerts/alert-list.component';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { CdkDrag, type CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  COMMENT_BODY_MAX_LENGTH,
  type InitiativeResponse,
  type MilestoneResponse,
  STEP_STATUS_VALUES,
  type StepResponse,
  type StepStatus,
  type TeamMember,
} from '@waypoint/contracts';
import { AuthStore } from '../auth/auth.store';
import { CycleReviewsComponent } from './cycle-reviews.component';
import { PRODUCT_NAME } from '../title-strategy';
import { EmptyStateComponent } from '../shared/empty-state.component';
import { fieldErrorsOf, genericErrorMessage, httpStatusOf } from '../shared/problem';
import { StaleRecordNoticeComponent } from '../shared/stale-record-notice.component';
import { LiveUpdatesService } from '../shared/live-updates.service';
import { refreshOnLiveChanges } from './initiative-live';
import { InitiativeOriginComponent } from './initiative-origin.component';
import { InitiativeDetailStore } from './initiative-detail.store';
import {
  APPROACH_LABEL,
  MILESTONE_STATE_LABEL,
  MILESTONE_STATE_SYMBOL,
  STATUS_LABEL,
  STEP_STATUS_LABEL,
  NO_VALUE,
  historyText,
} from '../shared/vocabulary';
import { DateTimePipe, DayPipe, formatPercent } from '../shared/format';
import { GateChecklistComponent } from './gate-checklist.component';
import { GateSubmitComponent } from './gate-submit.component';
import { type CloseCondition, GateDecisionsComponent } from './gate-decisions.component';
import { gateMoves } from './gate-moves';
import { MeasureCardComponent } from './measure-card.component';
import { openMeasureEditor } from './measure-editor-dialog.component';
import { StatusActionsComponent } from './status-actions.component';
import { placementOf } from './step-drop';
import {
  initiativeTab,
  type InitiativeTab,
  InitiativeTabPanelDirective,
  InitiativeTabsComponent,
} from './initiative-tabs.component';
import { StepActionsComponent } from './step-actions.component';
import { type SaveStep, StepEditorComponent } from './step-editor.component';
import { type SaveTeam, TeamPanelComponent } from './team-panel.component';
import { type CreateGate, GateEditorComponent, type SaveGate } from './gate-editor.component';
import { InitiativeMoneyComponent } from './initiative-money.component';
import { PlanEditorComponent, type SavePlan } from './plan-editor.component';

/** Groups a team by department (people without one under "No department"). */
export function teamByDepartment(
  team: readonly TeamMember[],
): { department: string; people: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const member of team) {
    const name = member.department?.name ?? 'No department';
    groups.set(name, [...(groups.get(name) ?? []), member.user.displayName]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([department, people]) => ({ department, people }));
}

/** One initiative (`/initiatives/:id`): plan, gate track, steps, measures, reviews, talk, history. */
@Component({
  selector: 'wp-initiative-detail-page',
  imports: [
    DayPipe,
    DateTimePipe,
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatProgressBar,
    EmptyStateComponent,
    StaleRecordNoticeComponent,
    MeasureCardComponent,
    GateChecklistComponent,
    GateSubmitComponent,
    GateDecisionsComponent,
    CdkDrag,
    CdkDropList,
    CdkDropListGroup,
    StatusActionsComponent,
    AlertListComponent,
    CycleReviewsComponent,
    StepEditorComponent,
    StepActionsComponent,
    InitiativeTabPanelDirective,
    InitiativeTabsComponent,
    TeamPanelComponent,
    GateEditorComponent,
    PlanEditorComponent,
    InitiativeOriginComponent,
    InitiativeMoneyComponent,
  ],
  providers: [InitiativeDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './initiative-detail-page.component.html',
  styleUrl: './initiative-detail.scss',
})
export class InitiativeDetailPageComponent {
  /** Route parameter, bound by `withComponentInputBinding()`. */
  readonly id = input.required<string>();
  /** `?tab=`: the part of the initiative shown (the gates and steps unless it names another). */
  readonly tab = input<string | undefined>(undefined);
  protected readonly shownTab = computed(() => initiativeTab(this.tab()));

  protected readonly store = inject(InitiativeDetailStore);
  private readonly auth = inject(AuthStore);
  private readonly title = inject(Title);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly statusLabel = STATUS_LABEL;
  protected readonly approachLabel = APPROACH_LABEL;
  protected readonly stateLabel = MILESTONE_STATE_LABEL;
  protected readonly stateSymbol = MILESTONE_STATE_SYMBOL;
  protected readonly stepLabel = STEP_STATUS_LABEL;
  protected readonly gateMoves = gateMoves;
  protected readonly commentMax = COMMENT_BODY_MAX_LENGTH;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.id.set(id));
    });
    // The tab and screen readers name the page after the initiative once it is known.
    effect(() => {
      const title = this.initiative()?.title;
      if (title) this.title.setTitle(`${title} · ${PRODUCT_NAME}`);
    });
    effect(() => {
      const owner = this.isOwner();
      untracked(() => this.store.wantPeople.set(owner));
    });
    refreshOnLiveChanges(this.store, inject(LiveUpdatesService), inject(DestroyRef));
  }

  protected readonly initiative = computed(() =>
    this.store.initiative.hasValue() ? this.store.initiative.value() : null,
  );
  /** No such initiative: an unknown id (404) or one that cannot be an id at all (400). */
  protected readonly notFound = computed(() =>
    [400, 404].includes(httpStatusOf(this.store.initiative.error()) ?? 0),
  );
  protected readonly team = computed(() => teamByDepartment(this.initiative()?.team ?? []));

  /** The owner (and admins) move the gate; the owner and team work the steps and readings. */
  protected readonly isOwner = computed(() => {
    const user = this.auth.user();
    const initiative = this.initiative();
    return !!user && !!initiative && (user.role === 'admin' || initiative.owner.id === user.id);
  });
  protected readonly onTeam = computed(() => {
    const user = this.auth.user();
    const initiative = this.initiative();
    return (
      this.isOwner() ||
      (!!user && !!initiative && initiative.team.some((m) => m.user.id === user.id))
    );
  });

  /** Conditions are closed by the owner, the sponsor, executives and admins. */
  protected readonly canCloseConditions = computed(() => {
    const user = this.auth.user();
    const initiative = this.initiative();
    if (!user || !initiative) return false;
    return (
      user.role === 'admin' ||
      user.role === 'executive' ||
      initiative.owner.id === user.id ||
      initiative.sponsor?.id === user.id
    );
  });
  protected readonly closeCondition: CloseCondition = (condition, note) =>
    this.store.closeCondition(condition, note);

  /** Who a step may be assigned to: the owner and the team. */
  protected readonly assignees = computed(() => {
    const initiative = this.initiative();
    if (!initiative) return [];
    const people = [initiative.owner, ...initiative.team.map((m) => m.user)];
    return people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
  });
  /** The step being edited (its id), 'new' while adding one, or null. */
  protected readonly editing = signal<string | null>(null);
  /** The step whose removal waits for a second click. */
  protected readonly confirmingRemoval = signal<string | null>(null);
  protected readonly addStep: SaveStep = async (request) => {
    const milestone = this.store.currentMilestone();
    if (!milestone) throw new Error('No current gate');
    await this.store.addStep(milestone.id, {
      title: request.title,
      ...(request.assigneeId ? { assigneeId: request.assigneeId } : {}),
      ...(request.dueDate ? { dueDate: request.dueDate } : {}),
    });
  };
  protected readonly updateStep: SaveStep = async (request) => {
    const step = this.store.steps().find((s) => s.id === this.editing());
    if (!step) throw new Error('No step edited');
    await this.store.updateStep(step, request);
  };

  protected readonly hasCarried = computed(() =>
    this.store.steps().some((s) => s.movedFromMilestoneId !== null),
  );

  protected readonly editingPlan = signal(false);
  protected readonly savePlan: SavePlan = (request) => this.store.updateInitiative(request);
  /** The open steps of the current gate: how many, and how many of them blocked. */
  protected readonly openSteps = computed(() => {
    const open = this.store.steps().filter((s) => s.status !== 'done');
    return { open: open.length, blocked: open.filter((s) => s.status === 'blocked').length };
  });
  protected readonly saveTeam: SaveTeam = (teamIds) => this.store.updateInitiative({ teamIds });
  /** The gate whose form is open. */
  protected readonly editingGate = signal<string | null>(null);
  protected readonly saveGate: SaveGate = async (request) => {
    const milestone = this.store.milestones().find((m) => m.id === this.editingGate());
    if (!milestone) throw new Error('No gate edited');
    await this.store.updateMilestone(milestone, request);
  };
  protected readonly addingGate = signal(false);
  protected readonly createGate: CreateGate = (request) => this.store.addMilestone(request);
  /** The planned gate whose removal waits for a second click. */
  protected readonly confirmingGateRemoval = signal<string | null>(null);
  protected async removeGate(m: MilestoneResponse): Promise<void> {
    if (this.confirmingGateRemoval() !== m.id) {
      this.confirmingGateRemoval.set(m.id);
      return;
    }
    this.confirmingGateRemoval.set(null);
    await this.store.planGate(m, 'remove');
  }
  /** A gate's plan changes until it is submitted or decided. */
  protected gateEditable(m: MilestoneResponse): boolean {
    return m.state === 'planned' || m.state === 'in_progress' || m.state === 'changes_requested';
  }

  /** "gate 1, Define" for a milestone id of the track. */
  protected gateName(milestoneId: string): string {
    const m = this.store.milestones().find((x) => x.id === milestoneId);
    return m ? `gate ${m.position}, ${m.title}` : 'an earlier gate';
  }

  protected async removeStep(step: StepResponse): Promise<void> {
    this.confirmingRemoval.set(null);
    await this.store.removeStep(step);
  }

  protected readonly columns = computed(() =>
    STEP_STATUS_VALUES.map((status) => ({
      status,
      steps: this.store.steps().filter((s) => s.status === status),
    })),
  );

  protected readonly commentBody = signal('');
  protected readonly commentError = signal<string | null>(null);
  protected readonly commentSaving = signal(false);

  protected message(error: unknown): string {
    return genericErrorMessage(error);
  }

  /** The measure editor, to add a measure to the plan. */
  protected async addMeasure(): Promise<void> {
    await openMeasureEditor(this.dialog, this.store);
  }

  /** Shows a tab; the address keeps it, so a reload or a shared link opens the same part. */
  protected selectTab(tab: InitiativeTab): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { tab: tab === 'work' ? null : tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  /** Shows the gate track, scrolls to a gate of it and moves the focus to it. */
  protected focusGate(milestoneId: string): void {
    this.selectTab('work');
    afterNextRender(
      () => {
        const gate = document.getElementById(`gate-${milestoneId}`);
        if (!gate) return;
        gate.scrollIntoView({ block: 'start' });
        gate.focus();
      },
      { injector: this.injector },
    );
  }

  protected readonly percent = formatPercent;
  protected readonly historyText = historyText;
  protected readonly noValue = NO_VALUE;
  /** The rows of the value table: each side's estimate beside its measured index now. */
  protected readonly valueSides = [
    {
      side: 'customer',
      label: 'Customer',
      estimated: (i: InitiativeResponse) => i.estimatedCustomerValue,
    },
    {
      side: 'business',
      label: 'Business',
      estimated: (i: InitiativeResponse) => i.estimatedBusinessValue,
    },
  ] as const;

  /**
   * Moves a step with its buttons; the focus stays with the step in its new column (on its next
   * move, or on its menu once done), not lost with the button that moved it.
   */
  protected async move(step: StepResponse, status: StepStatus): Promise<void> {
    if (!(await this.store.moveStep(step, status))) return;
    const moved = effect(
      () => {
        const now = this.store.steps().find((s) => s.id === step.id);
        if (now?.status !== status) return;
        moved.destroy();
        afterNextRender(() => focusStep(step.id), { injector: this.injector });
      },
      { injector: this.injector },
    );
  }

  /** A step dropped on a column of the board (CDK drag and drop). */
  protected async drop(
    event: CdkDragDrop<{ status: StepStatus; steps: StepResponse[] }, unknown, StepResponse>,
  ): Promise<void> {
    const step = event.item.data;
    const placement = placementOf(
      step,
      event.container.data.status,
      event.container.data.steps,
      event.currentIndex,
    );
    if (placement.status === step.status && placement.position === undefined) return;
    await this.store.placeStep(step, placement);
  }

  protected async addComment(): Promise<void> {
    const body = this.commentBody().trim();
    if (!body) {
      this.commentError.set('Write a comment first.');
      return;
    }
    if (body.length > COMMENT_BODY_MAX_LENGTH) {
      this.commentError.set(`A comment has at most ${COMMENT_BODY_MAX_LENGTH} characters.`);
      return;
    }
    this.commentSaving.set(true);
    this.commentError.set(null);
    try {
      await this.store.addComment(body);
      this.commentBody.set('');
    } catch (error) {
      this.commentError.set(fieldErrorsOf(error, 'body')[0] ?? genericErrorMessage(error));
    } finally {
      this.commentSaving.set(false);
    }
  }
}

/** The control of a step that keeps the focus: its next move, else its "More actions" menu. */
function focusStep(id: string): void {
  const control =
    document.querySelector<HTMLElement>(`[data-step-focus="${id}"]`) ??
    document.querySelector<HTMLElement>(`[data-step-menu="${id}"]`);
  control?.focus();
}
