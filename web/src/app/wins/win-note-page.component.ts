import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  ViewEncapsulation,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { WinResponse } from '@waypoint/contracts';
import { MoneyApi } from '../shared/api';
import { DayPipe } from '../shared/format';
import { genericErrorMessage, httpStatusOf } from '../shared/problem';

/**
 * The one-page "you told us, we changed" note for customers of a published win
 * (`/wins/:id/note`), to print: only the words written for customers, whom it was for and when.
 * No internal figures: no money, no measures, no road, no names of staff.
 */
@Component({
  selector: 'wp-win-note-page',
  imports: [DayPipe, MatButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Print rules must reach the shell (toolbar, navigation): not scoped; every selector starts
  // with a note- class or sits in @media print.
  encapsulation: ViewEncapsulation.None,
  templateUrl: './win-note-page.component.html',
  styleUrl: './win-note-page.component.scss',
})
export class WinNotePageComponent {
  private readonly api = inject(MoneyApi);
  /** The win, from the route. */
  readonly id = input.required<string>();
  protected readonly win = httpResource<WinResponse>(() => this.api.winRequest(this.id()));
  protected readonly notFound = computed(() => httpStatusOf(this.win.error()) === 404);
  protected readonly errorText = computed(() => {
    const error = this.win.error();
    return error && !this.notFound() ? genericErrorMessage(error) : null;
  });

  protected print(): void {
    window.print();
  }
}
