import { CustomerGroupEntity } from '../customer-groups/customer-group.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { InstallationEntity } from '../meta/installation.entity';

/** Every entity, listed explicitly (the production bundle cannot glob). */
export const entities = [InstallationEntity, DepartmentEntity, CustomerGroupEntity];
