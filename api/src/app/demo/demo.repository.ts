import { Injectable } from '@nestjs/common';
import type { Role } from '@waypoint/contracts';
import type { EntityManager } from 'typeorm';
import { CustomerGroupEntity } from '../customer-groups/customer-group.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { UserEntity } from '../users/user.entity';

export interface DemoCustomerGroup {
  name: string;
  description: string;
  intent: CustomerGroupEntity['intent'];
  valueProposition: string;
  protected: boolean;
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  departmentId: string;
  passwordHash: string;
}

@Injectable()
export class DemoRepository {
  /** Inserts the departments and answers their ids by name. */
  async insertDepartments(manager: EntityManager, names: string[]): Promise<Map<string, string>> {
    const result = await manager.insert(
      DepartmentEntity,
      names.map((name) => ({ name })),
    );
    const ids = result.identifiers.map((i) => String(i['id']));
    return new Map(names.map((name, index) => [name, ids[index] ?? '']));
  }

  async insertCustomerGroups(manager: EntityManager, groups: DemoCustomerGroup[]): Promise<void> {
    await manager.insert(CustomerGroupEntity, groups);
  }

  async insertUsers(manager: EntityManager, users: DemoUser[]): Promise<void> {
    await manager.insert(UserEntity, users);
  }
}
