import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { IdeaDetailResponse, IdeaResponse, Page } from '@waypoint/contracts';
import { IdeasApi } from '../shared/api';

/** One idea with its "me too"s, the other open ideas (to merge into), and the triage calls. */
@Injectable()
export class IdeaDetailStore {
  private readonly api = inject(IdeasApi);
  readonly id = signal<string | null>(null);

  readonly idea = httpResource<IdeaDetailResponse>(() => {
    const id = this.id();
    return id ? this.api.oneRequest(id) : undefined;
  });
  readonly openIdeas = httpResource<Page<IdeaResponse>>(() =>
    this.api.listRequest({ status: 'open', limit: 200 }),
  );
  /** Open ideas this one could be merged into. */
  readonly mergeTargets = computed(() =>
    (this.openIdeas.hasValue() ? this.openIdeas.value().items : []).filter(
      (i) => i.id !== this.id(),
    ),
  );

  meToo(evidence: string, key: string): Promise<IdeaDetailResponse> {
    return this.api.meToo(this.id() ?? '', evidence ? { evidence } : {}, key);
  }

  decline(idea: IdeaResponse, reason: string): Promise<IdeaDetailResponse> {
    return this.api.decline(idea, { reason });
  }

  merge(idea: IdeaResponse, intoIdeaId: string): Promise<IdeaDetailResponse> {
    return this.api.merge(idea, { intoIdeaId });
  }

  reload(): void {
    this.idea.reload();
    this.openIdeas.reload();
  }
}
