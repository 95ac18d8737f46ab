import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomerGroupEntity } from '../customer-groups/customer-group.entity';
import { DepartmentEntity } from '../departments/department.entity';

export interface DemoCustomerGroup {
  name: string;
  description: string;
  intent: CustomerGroupEntity['intent'];
  valueProposition: string;
  protected: boolean;
}

@Injectable()
export class DemoRepository {
  async insertDepartments(manager: EntityManager, names: string[]): Promise<void> {
    await manager.insert(
      DepartmentEntity,
      names.map((name) => ({ name })),
    );
  }

  async insertCustomerGroups(manager: EntityManager, groups: DemoCustomerGroup[]): Promise<void> {
    await manager.insert(CustomerGroupEntity, groups);
  }
}
