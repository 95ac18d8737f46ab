/**
 * The response schemas Fastify serialises the hot reads with (fast-json-stringify): the same
 * fields, in the same order, as the OpenAPI classes of initiative-response.dto.ts (a unit spec
 * holds them together). Only what is listed here is written.
 */
const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;
const integer = { type: 'integer' } as const;
const nullableInteger = { type: 'integer', nullable: true } as const;
const boolean = { type: 'boolean' } as const;

function object<P extends Record<string, object>>(properties: P, nullable = false) {
  return {
    type: 'object',
    ...(nullable ? { nullable: true } : {}),
    required: Object.keys(properties),
    properties,
  } as const;
}

const userRef = object({ id: string, displayName: string });

export const INITIATIVE_LIST_ITEM_SCHEMA = object({
  id: string,
  title: string,
  status: string,
  approach: string,
  owner: userRef,
  sponsor: object({ id: string, displayName: string }, true),
  needsSponsor: boolean,
  teamSize: integer,
  departmentCount: integer,
  currentMilestone: object({ id: string, title: string, state: string }, true),
  estimatedCustomerValue: nullableInteger,
  estimatedBusinessValue: nullableInteger,
  version: integer,
  updatedAt: string,
});

export const INITIATIVE_PAGE_SCHEMA = object({
  items: { type: 'array', items: INITIATIVE_LIST_ITEM_SCHEMA },
  total: integer,
  limit: integer,
  offset: integer,
});

export const INITIATIVE_SCHEMA = object({
  id: string,
  title: string,
  problem: string,
  hypothesis: string,
  approach: string,
  status: string,
  nextStatuses: { type: 'array', items: string },
  template: nullableString,
  owner: userRef,
  sponsor: object({ id: string, displayName: string }, true),
  needsSponsor: boolean,
  team: {
    type: 'array',
    items: object({ user: userRef, department: object({ id: string, name: string }, true) }),
  },
  customerGroups: {
    type: 'array',
    items: object({ id: string, name: string, intent: string, protected: boolean }),
  },
  milestones: {
    type: 'array',
    items: object({
      id: string,
      position: integer,
      title: string,
      state: string,
      dueDate: nullableString,
      criteria: object({ total: integer, checked: integer }),
    }),
  },
  measures: {
    type: 'array',
    items: object({ id: string, name: string, perspective: string }),
  },
  openConditions: integer,
  estimatedCustomerValue: nullableInteger,
  estimatedBusinessValue: nullableInteger,
  readiness: object({ score: nullableInteger, notes: string }),
  version: integer,
  createdAt: string,
  updatedAt: string,
});
