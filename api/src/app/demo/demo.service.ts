import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Role } from '@waypoint/contracts';
import { DEMO_PASSWORD, hashPassword } from '../auth';
import { DemoRepository } from './demo.repository';
import { DemoMoneyStory } from './demo-money';
import { type DemoPerson, DemoStoryRunner } from './demo-story.runner';
import { DemoMomentsAndIdeas } from './demo-moments-and-ideas';
import { DemoSelfAssessment } from './demo-self-assessment';
import { type Group, PEOPLE, type Person } from './demo-story';

/** The password of every demo account (README lists them). They exist only in demo mode. */
export { DEMO_PASSWORD };
export const DEMO_ADMIN = {
  email: 'admin@waypoint.test',
  displayName: 'Alex Admin',
  role: 'admin' as Role,
  department: 'IT',
};

const DEPARTMENTS = ['Customer Service', 'Operations', 'Marketing', 'Finance', 'IT'];

const GROUPS: Array<{
  name: Group;
  description: string;
  intent: 'grow' | 'nurture' | 'retain' | 'reduce_cost_to_serve';
  valueProposition: string;
  protected: boolean;
}> = [
  {
    name: 'Loyal families',
    description: 'Households with us for five years or more, two or more products.',
    intent: 'retain',
    valueProposition: 'Reliable service that remembers them.',
    protected: true,
  },
  {
    name: 'New digital customers',
    description: 'Joined online in the last twelve months.',
    intent: 'grow',
    valueProposition: 'Everything done in minutes, from the phone.',
    protected: false,
  },
  {
    name: 'Small businesses',
    description: 'Sole traders and firms under ten people.',
    intent: 'nurture',
    valueProposition: 'A named contact who knows their trade.',
    protected: false,
  },
  {
    name: 'Occasional buyers',
    description: 'One purchase a year or fewer, mostly through the call centre.',
    intent: 'reduce_cost_to_serve',
    valueProposition: 'Simple self-service for simple needs.',
    protected: false,
  },
];

/**
 * The demo organisation a newcomer sees on an empty database (WAYPOINT_DEMO=false skips it):
 * departments, customer groups and people, then the story of five initiatives over three cycles,
 * played through the application's services.
 */
@Injectable()
export class DemoService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: DemoRepository,
    private readonly story: DemoStoryRunner,
    private readonly momentsAndIdeas: DemoMomentsAndIdeas,
    private readonly selfAssessment: DemoSelfAssessment,
    private readonly money: DemoMoneyStory,
  ) {}

  async load(): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const { people, groups } = await this.txHost.withTransaction(async () => {
      const departments = await this.repository.insertDepartments(DEPARTMENTS);
      const groupIds = await this.repository.insertCustomerGroups(GROUPS);
      const accounts = [DEMO_ADMIN, ...Object.values(PEOPLE)];
      const userIds = await this.repository.insertUsers(
        accounts.map((a) => ({
          email: a.email,
          displayName: a.displayName,
          role: a.role,
          departmentId: departments.get(a.department) ?? '',
          passwordHash,
        })),
      );
      const byPerson = Object.fromEntries(
        (Object.entries(PEOPLE) as Array<[Person, (typeof PEOPLE)[Person]]>).map(([key, p]) => [
          key,
          {
            id: userIds.get(p.email) ?? '',
            email: p.email,
            displayName: p.displayName,
            role: p.role,
            departmentId: departments.get(p.department) ?? '',
          } satisfies DemoPerson,
        ]),
      ) as Record<Person, DemoPerson>;
      const byGroup = Object.fromEntries(
        GROUPS.map((g) => [g.name, groupIds.get(g.name) ?? '']),
      ) as Record<Group, string>;
      return { people: byPerson, groups: byGroup };
    });
    await this.story.play(people, groups);
    await this.momentsAndIdeas.play(people, groups);
    await this.selfAssessment.play(people);
    await this.money.play(people);
  }
}
