import type {
  IdeaResponse,
  InitiativeMomentRef,
  MomentHeatMapResponse,
  Page,
} from '@waypoint/contracts';
import { call, type Session } from '../support/auth';
import { useTestApp } from '../support/use-test-app';

async function signInDemo(t: Parameters<typeof call>[0], email: string): Promise<Session> {
  const res = await call(t, null, 'POST', '/api/auth/login', {
    email,
    password: 'waypoint-demo-2026',
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const user = (await res.json()) as { id: string; role: 'member' };
  return {
    user: { id: user.id, email, role: user.role, departmentId: '', password: 'waypoint-demo-2026' },
    headers: { Cookie: cookie, Origin: t.baseUrl },
  };
}

describe('the demo backlog and journeys', () => {
  const t = useTestApp({ env: { WAYPOINT_DEMO: 'true' } });
  let member: Session;

  beforeAll(async () => {
    member = await signInDemo(t, 'member@waypoint.test');
  });

  it('rates every moment of every journey, worst where the story hurts', async () => {
    const res = await call(t, member, 'GET', '/api/moments/heat-map');
    const map = (await res.json()) as MomentHeatMapResponse;
    expect(map.columns).toEqual(['Choose', 'Buy', 'Get started', 'Get help', 'Renew']);
    const cells = map.rows.flatMap((r) => r.cells.filter((c) => c !== null));
    expect(cells).toHaveLength(13);
    expect(cells.every((c) => c?.rating !== null && c?.ratedBy !== null)).toBe(true);
    const families = map.rows.find((r) => r.customerGroupName === 'Loyal families');
    const help = families?.cells[3];
    expect(help).toMatchObject({ name: 'Get help', rating: 2 });
    expect(help?.activeInitiatives.map((i) => i.title)).toEqual(['Call-backs instead of queueing']);
    expect(help?.openIdeas).toBe(1);
    expect(help?.measures.map((m) => m.name).sort()).toEqual([
      'Average wait at peak',
      'Loyal families satisfaction',
    ]);
  });

  it('has a backlog with a promoted, a merged, a declined idea and open ones by priority', async () => {
    const res = await call(t, member, 'GET', '/api/ideas?limit=50');
    const page = (await res.json()) as Page<IdeaResponse>;
    const byTitle = new Map(page.items.map((i) => [i.title, i]));
    const promoted = byTitle.get('Show the renewal price before the reminder');
    expect(promoted?.status).toBe('promoted');
    expect(promoted?.initiative?.title).toBe('Show the renewal price before the reminder');
    expect(byTitle.get('Ring back instead of holding')?.status).toBe('merged');
    expect(byTitle.get('Free parking at the branches')?.declineReason).toMatch(/landlords/);
    expect(byTitle.get('Call me back at a time I choose')?.meTooCount).toBe(3);
    const open = page.items.filter((i) => i.status === 'open').map((i) => i.priority);
    expect(open).toEqual([...open].sort((a, b) => b - a));
    const moments = await call(
      t,
      member,
      'GET',
      `/api/initiatives/${promoted?.initiative?.id}/moments`,
    );
    // Mika is not on the promoted initiative's team: she may not read it.
    expect(moments.status).toBe(403);
  });

  it("links the promoted initiative to the idea's moment", async () => {
    const manager = await signInDemo(t, 'manager@waypoint.test');
    const res = await call(t, manager, 'GET', '/api/ideas?status=promoted');
    const [promoted] = ((await res.json()) as Page<IdeaResponse>).items;
    const moments = await call(
      t,
      manager,
      'GET',
      `/api/initiatives/${promoted?.initiative?.id}/moments`,
    );
    expect(((await moments.json()) as InitiativeMomentRef[]).map((m) => m.name)).toEqual(['Renew']);
  });
});
