import type { Page, SelfAssessmentResponse, SelfAssessmentResults } from '@waypoint/contracts';
import { call, type Session } from '../support/auth';
import { send } from '../support/http';
import type { TestApp } from '../support/test-app';
import { useTestApp } from '../support/use-test-app';

async function signInDemo(t: TestApp, email: string): Promise<Session> {
  const res = await call(t, null, 'POST', '/api/auth/login', {
    email,
    password: 'waypoint-demo-2026',
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const user = (await res.json()) as { id: string; role: 'executive' };
  return {
    user: { id: user.id, email, role: user.role, departmentId: '', password: '' },
    headers: { Cookie: cookie, Origin: t.baseUrl },
  };
}

describe('the demo: two cycles of self-assessment', () => {
  const t = useTestApp({ env: { WAYPOINT_DEMO: 'true' } });

  it('has the previous cycle closed with seven answers and this one open with six, compared and with suggested roads', async () => {
    const executive = await signInDemo(t, 'executive@waypoint.test');
    const member = await signInDemo(t, 'member@waypoint.test');
    const list = await send<Page<SelfAssessmentResponse>>(
      t,
      member,
      'GET',
      '/api/self-assessments',
    );
    expect(list.body.items.map((a) => [a.status, a.answerCount, a.department, a.answered])).toEqual(
      [
        ['open', 6, null, false],
        ['closed', 7, null, true],
      ],
    );
    const [current, previous] = list.body.items as [SelfAssessmentResponse, SelfAssessmentResponse];
    const results = await send<SelfAssessmentResults>(
      t,
      executive,
      'GET',
      `/api/self-assessments/${current.id}/results`,
    );
    expect(results.body).toMatchObject({
      cycleName: current.cycle.name,
      shown: true,
      previous: { assessmentId: previous.id, cycleName: previous.cycle.name, shown: true },
      suggestions: [
        { area: 'involve_everyone', road: 'consumer_insight' },
        { area: 'adapt_the_kpis', road: 'competing_values' },
      ],
    });
    expect(results.body.areas.every((a) => a.previousAverage !== null)).toBe(true);
    expect(results.body.areas.find((a) => a.area === 'adapt_the_kpis')?.comments).toEqual([
      'Average handling time still decides the team bonus.',
    ]);
  });
});
