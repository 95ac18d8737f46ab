import { inject, Injectable, resource } from '@angular/core';
import type {
  CustomerGroupResponse,
  InitiativeListItem,
  MeasureResponse,
} from '@waypoint/contracts';
import { CustomerGroupsApi, InitiativesApi } from '../shared/api';

export interface GroupMeasure {
  id: string;
  name: string;
  unit: string;
  initiativeId: string;
  initiativeTitle: string;
  progress: number | null;
  stale: boolean;
}

export interface CustomerGroupView extends CustomerGroupResponse {
  initiatives: InitiativeListItem[];
  measures: GroupMeasure[];
}

/** Protected groups first, then by name. */
export function sortGroups<G extends Pick<CustomerGroupResponse, 'protected' | 'name'>>(
  groups: readonly G[],
): G[] {
  return [...groups].sort((a, b) =>
    a.protected !== b.protected ? (a.protected ? -1 : 1) : a.name.localeCompare(b.name),
  );
}

/** The measures aimed at a group, from the measures of the initiatives. */
export function measuresOfGroup(
  groupId: string,
  measures: ReadonlyArray<MeasureResponse & { initiativeTitle: string }>,
): GroupMeasure[] {
  return measures
    .filter((m) => m.customerGroup?.id === groupId)
    .map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      initiativeId: m.initiativeId,
      initiativeTitle: m.initiativeTitle,
      progress: m.progress,
      stale: m.stale,
    }));
}

/**
 * Customer groups with the initiatives aimed at each (one list request per group) and the
 * measures aimed at each (one measures request per initiative involved).
 */
@Injectable()
export class CustomerGroupsStore {
  private readonly customerGroupsApi = inject(CustomerGroupsApi);
  private readonly initiativesApi = inject(InitiativesApi);

  readonly groups = resource({ loader: () => this.load() });

  private async load(): Promise<CustomerGroupView[]> {
    const groups = (await this.customerGroupsApi.list({ limit: 200 })).items;
    const initiativesPerGroup = await Promise.all(
      groups.map(
        async (group) =>
          (
            await this.initiativesApi.list({
              limit: 200,
              sort: 'title',
              order: 'asc',
              customerGroupId: group.id,
            })
          ).items,
      ),
    );
    const initiatives = new Map<string, InitiativeListItem>();
    initiativesPerGroup.flat().forEach((i) => initiatives.set(i.id, i));
    const measures = (
      await Promise.all(
        [...initiatives.values()].map(async (initiative) =>
          (await this.initiativesApi.measures(initiative.id, { limit: 200 })).items.map((m) => ({
            ...m,
            initiativeTitle: initiative.title,
          })),
        ),
      )
    ).flat();
    return sortGroups(
      groups.map((group, i) => ({
        ...group,
        initiatives: initiativesPerGroup[i],
        measures: measuresOfGroup(group.id, measures),
      })),
    );
  }
}
