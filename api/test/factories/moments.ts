import type { IdeaDetailResponse, MomentResponse } from '@waypoint/contracts';
import type { Session } from '../support/auth';
import { idempotencyKey, send } from '../support/http';
import type { TestApp } from '../support/test-app';

/** Adds moments to a group's journey through the API, in order (201 expected). */
export async function postMoments(
  t: TestApp,
  manager: Session,
  customerGroupId: string,
  names: readonly string[],
): Promise<MomentResponse[]> {
  const created: MomentResponse[] = [];
  for (const name of names) {
    const res = await send<MomentResponse>(t, manager, 'POST', '/api/moments', {
      customerGroupId,
      name,
    });
    if (res.status !== 201) throw new Error(`create moment: ${res.status} ${res.text}`);
    created.push(res.body);
  }
  return created;
}

/** Submits an idea through the API (201 expected); estimates default to 8, 6 and effort 2. */
export async function postIdea(
  t: TestApp,
  session: Session,
  moment: Pick<MomentResponse, 'id' | 'customerGroupId'>,
  overrides: Record<string, unknown> = {},
): Promise<IdeaDetailResponse> {
  const res = await send<IdeaDetailResponse>(
    t,
    session,
    'POST',
    '/api/ideas',
    {
      title: 'Call back instead of queueing',
      customerGroupId: moment.customerGroupId,
      momentId: moment.id,
      pain: 'Families wait twenty minutes on the phone at peak.',
      evidence: '312 complaints about waiting in October.',
      customerImpact: 8,
      businessValue: 6,
      effort: 2,
      ...overrides,
    },
    idempotencyKey(),
  );
  if (res.status !== 201) throw new Error(`submit idea: ${res.status} ${res.text}`);
  return res.body;
}
