import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Role } from '@waypoint/contracts';
import { CustomerGroupEntity } from '../customer-groups';
import { DepartmentEntity } from '../departments';
import { UserEntity } from '../users';

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
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Inserts the departments and answers their ids by name. */
  async insertDepartments(names: string[]): Promise<Map<string, string>> {
    const ids = idsOf(
      await this.txHost.tx.insert(
        DepartmentEntity,
        names.map((name) => ({ name })),
      ),
    );
    return new Map(names.map((name, index) => [name, ids[index] ?? '']));
  }

  async insertCustomerGroups(groups: DemoCustomerGroup[]): Promise<Map<string, string>> {
    const ids = idsOf(await this.txHost.tx.insert(CustomerGroupEntity, groups));
    return new Map(groups.map((group, index) => [group.name, ids[index] ?? '']));
  }

  async insertUsers(users: DemoUser[]): Promise<Map<string, string>> {
    const ids = idsOf(await this.txHost.tx.insert(UserEntity, users));
    return new Map(users.map((user, index) => [user.email, ids[index] ?? '']));
  }
}
