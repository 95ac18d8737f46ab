import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateCustomerGroupRequest,
  CustomerGroupIntent,
  CustomerGroupResponse,
  Page,
  UpdateCustomerGroupRequest,
} from '@waypoint/contracts';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { requireChanges, pageOf, type PageRequest, ValueWrites } from '../common';
import { mapCustomerGroup } from './dto/customer-group.dto';
import { CustomerGroupsRepository } from './customer-groups.repository';

const ENTITY_TYPE = 'customer_group';
const NOT_FOUND = 'No such customer group.';

@Injectable()
export class CustomerGroupsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: CustomerGroupsRepository,
    private readonly audit: AuditService,
    private readonly valueWrites: ValueWrites,
  ) {}

  async list(
    filter: { intent?: CustomerGroupIntent },
    page: PageRequest,
  ): Promise<Page<CustomerGroupResponse>> {
    const { rows, total } = await this.repository.list(filter, page);
    return pageOf(rows.map(mapCustomerGroup), total, page);
  }

  async get(id: string): Promise<CustomerGroupResponse> {
    const group = await this.repository.findById(id);
    if (!group) throw new NotFoundException(NOT_FOUND);
    return mapCustomerGroup(group);
  }

  /** Names are unique ignoring case (409). */
  async create(request: CreateCustomerGroupRequest, actor: Actor): Promise<CustomerGroupResponse> {
    return this.txHost.withTransaction(async () => {
      const created = mapCustomerGroup(
        await this.repository.insert({
          name: request.name,
          description: request.description ?? '',
          intent: request.intent,
          valueProposition: request.valueProposition ?? '',
          protected: request.protected ?? false,
        }),
      );
      await this.audit.record({
        actor,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: created.id,
        after: created,
      });
      return created;
    });
  }

  /** A conditional write on the version the client read (If-Match); 412 when stale. */
  async update(
    id: string,
    expectedVersion: number,
    request: UpdateCustomerGroupRequest,
    actor: Actor,
  ): Promise<CustomerGroupResponse> {
    const changes = requireChanges(request);
    return this.txHost.withTransaction(async () => {
      const before = await this.repository.findById(id);
      if (!before) throw new NotFoundException(NOT_FOUND);
      const after = mapCustomerGroup(await this.repository.update(id, expectedVersion, changes));
      await this.audit.record({
        actor,
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        before: mapCustomerGroup(before),
        after,
      });
      // Whether a group is protected decides which of its measures' falls raise an alert.
      if (before.protected !== after.protected) {
        await this.valueWrites.initiativesChanged(await this.repository.initiativesMeasuring(id));
      }
      return after;
    });
  }
}
