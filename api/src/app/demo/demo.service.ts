import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@waypoint/contracts';
import { hashPassword } from '../auth/secrets';
import { DemoRepository } from './demo.repository';

/** The demo accounts (README lists them). They exist only in demo mode. */
export const DEMO_PASSWORD = 'waypoint-demo-2026';
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  displayName: string;
  role: Role;
  department: string;
}> = [
  { email: 'admin@waypoint.test', displayName: 'Alex Admin', role: 'admin', department: 'IT' },
  {
    email: 'executive@waypoint.test',
    displayName: 'Erin Executive',
    role: 'executive',
    department: 'Finance',
  },
  {
    email: 'manager@waypoint.test',
    displayName: 'Morgan Manager',
    role: 'manager',
    department: 'Customer Service',
  },
  {
    email: 'member@waypoint.test',
    displayName: 'Mika Member',
    role: 'member',
    department: 'Operations',
  },
];

/** The demo organisation a newcomer sees on an empty database (WAYPOINT_DEMO=false skips it). */
@Injectable()
export class DemoService {
  constructor(private readonly repository: DemoRepository) {}

  async load(manager: EntityManager): Promise<void> {
    const departments = await this.repository.insertDepartments(manager, [
      'Customer Service',
      'Operations',
      'Marketing',
      'Finance',
      'IT',
    ]);
    await this.repository.insertCustomerGroups(manager, [
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
    ]);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.repository.insertUsers(
      manager,
      DEMO_ACCOUNTS.map((account) => ({
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        departmentId: departments.get(account.department) ?? '',
        passwordHash,
      })),
    );
  }
}
