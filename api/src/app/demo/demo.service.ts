import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DemoRepository } from './demo.repository';

/** The demo organisation a newcomer sees on an empty database (WAYPOINT_DEMO=false skips it). */
@Injectable()
export class DemoService {
  constructor(private readonly repository: DemoRepository) {}

  async load(manager: EntityManager): Promise<void> {
    await this.repository.insertDepartments(manager, [
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
  }
}
