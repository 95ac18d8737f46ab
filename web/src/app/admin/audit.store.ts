import { httpResource } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { AuditEventResponse, Page, UserResponse } from '@waypoint/contracts';
import { addDays } from '@waypoint/domain';
import { type AuditQuery, AuditApi, UsersApi } from '../shared/api';
import { auditChanges, auditSentence, type AuditChange } from './audit-words';

export const AUDIT_PAGE_SIZE = 25;

/** The trail's filter as the page holds it; days are YYYY-MM-DD (UTC), both included. */
export interface AuditFilter {
  entityType: string;
  entityId: string;
  actorId: string;
  action: string;
  fromDay: string;
  toDay: string;
}

export const NO_FILTER: AuditFilter = {
  entityType: '',
  entityId: '',
  actorId: '',
  action: '',
  fromDay: '',
  toDay: '',
};

/** The API query of a filter: set fields only; the last day is included (`to` is excluded). */
export function auditQuery(filter: AuditFilter, offset: number): AuditQuery {
  return {
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.fromDay ? { from: `${filter.fromDay}T00:00:00.000Z` } : {}),
    ...(filter.toDay ? { to: `${addDays(filter.toDay, 1)}T00:00:00.000Z` } : {}),
    limit: AUDIT_PAGE_SIZE,
    offset,
  };
}

/** One event of the trail, in words. */
export interface AuditLine {
  event: AuditEventResponse;
  sentence: string;
  changes: AuditChange[];
}

/** Administration › Audit trail: the events of the filter, a page at a time, with names. */
@Injectable()
export class AuditStore {
  private readonly auditApi = inject(AuditApi);
  private readonly usersApi = inject(UsersApi);

  readonly filter = signal<AuditFilter>(NO_FILTER);
  readonly offset = signal(0);

  readonly events = httpResource<Page<AuditEventResponse>>(() =>
    this.auditApi.listRequest(auditQuery(this.filter(), this.offset())),
  );
  readonly people = httpResource<Page<UserResponse>>(() =>
    this.usersApi.listRequest({ limit: 200 }),
  );

  readonly peopleList = computed(() => (this.people.hasValue() ? this.people.value().items : []));
  private readonly names = computed(
    () => new Map(this.peopleList().map((user) => [user.id, user.displayName])),
  );

  readonly total = computed(() => (this.events.hasValue() ? this.events.value().total : 0));
  readonly lines = computed<AuditLine[]>(() => {
    if (!this.events.hasValue()) return [];
    const names = this.names();
    return this.events.value().items.map((event) => ({
      event,
      sentence: auditSentence(
        event,
        event.actorId ? (names.get(event.actorId) ?? 'Someone') : null,
      ),
      changes: auditChanges(event),
    }));
  });

  /** Changes the filter and goes back to the newest events. */
  setFilter(change: Partial<AuditFilter>): void {
    this.filter.update((filter) => ({ ...filter, ...change }));
    this.offset.set(0);
  }

  /** Every event of one record. */
  showRecord(event: Pick<AuditEventResponse, 'entityType' | 'entityId'>): void {
    this.filter.set({ ...NO_FILTER, entityType: event.entityType, entityId: event.entityId });
    this.offset.set(0);
  }

  page(direction: 1 | -1): void {
    this.offset.update((offset) => Math.max(0, offset + direction * AUDIT_PAGE_SIZE));
  }
}
