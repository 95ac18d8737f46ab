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

const idsOf = (result: { identifiers: Array<Record<string, unknown>> }): string[] =>
  result.identifiers.map((i) => String(i['id']));

@Injectable()
export class DemoRepository {
  /** Inserts the departments and answers their ids by name. */
  async insertDepartments(manager: EntityManager, names: string[]): Promise<Map<string, string>> {
    const ids = idsOf(
      await manager.insert(
        DepartmentEntity,
        names.map((name) => ({ name })),
      ),
    );
    return new Map(names.map((name, index) => [name, ids[index] ?? '']));
  }

  async insertCustomerGroups(
    manager: EntityManager,
    groups: DemoCustomerGroup[],
  ): Promise<Map<string, string>> {
    const ids = idsOf(await manager.insert(CustomerGroupEntity, groups));
    return new Map(groups.map((group, index) => [group.name, ids[index] ?? '']));
  }

  async insertUsers(manager: EntityManager, users: DemoUser[]): Promise<Map<string, string>> {
    const ids = idsOf(await manager.insert(UserEntity, users));
    return new Map(users.map((user, index) => [user.email, ids[index] ?? '']));
  }
}
