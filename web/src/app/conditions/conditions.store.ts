import { inject, Injectable } from '@angular/core';
import type { ConditionListItem } from '@waypoint/contracts';
import { ConditionsApi } from '../shared/api';
import { PagedList } from '../shared/paged-list';

/** How many open conditions a page shows before "Show more". */
export const CONDITIONS_PAGE_SIZE = 50;

/**
 * The open conditions across initiatives (`GET /api/conditions?status=open`), oldest decision
 * first, paged with "Show more": the list behind the portfolio's Open conditions figure.
 */
@Injectable()
export class ConditionsStore {
  private readonly api = inject(ConditionsApi);

  readonly open = new PagedList<ConditionListItem>(
    (page) => this.api.list({ status: 'open', ...page }),
    CONDITIONS_PAGE_SIZE,
  );

  constructor() {
    void this.open.reload();
  }

  reload(): void {
    void this.open.reload();
  }
}
