import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type {
  CreateDepartmentRequest,
  DepartmentResponse,
  Page,
  UpdateDepartmentRequest,
} from '@waypoint/contracts';
import { AuditService } from '../audit';
import type { Actor } from '../auth';
import { requireChanges, pageOf, type PageRequest } from '../common';
import { mapDepartment } from './dto/department.dto';
import { type DepartmentChanges, DepartmentsRepository } from './departments.repository';

const ENTITY_TYPE = 'department';
const NOT_FOUND = 'No such department.';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(page: PageRequest): Promise<Page<DepartmentResponse>> {
    const { rows, total } = await this.repository.list(page);
    return pageOf(rows.map(mapDepartment), total, page);
  }

  async get(id: string): Promise<DepartmentResponse> {
    const department = await this.repository.findById(id);
    if (!department) throw new NotFoundException(NOT_FOUND);
    return mapDepartment(department);
  }

  /** Names are unique ignoring case (409). */
  async create(request: CreateDepartmentRequest, actor: Actor): Promise<DepartmentResponse> {
    return this.txHost.withTransaction(async () => {
      const created = mapDepartment(await this.repository.insert(request.name));
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
    request: UpdateDepartmentRequest,
    actor: Actor,
  ): Promise<DepartmentResponse> {
    const changes: DepartmentChanges = requireChanges(request);
    return this.txHost.withTransaction(async () => {
      const before = await this.repository.findById(id);
      if (!before) throw new NotFoundException(NOT_FOUND);
      const after = mapDepartment(await this.repository.update(id, expectedVersion, changes));
      await this.audit.record({
        actor,
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        before: mapDepartment(before),
        after,
      });
      return after;
    });
  }
}
