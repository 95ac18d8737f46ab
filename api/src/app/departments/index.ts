/** What other features may use of departments/ (import it from '../departments', never from a file inside). */
export { DepartmentEntity } from './department.entity';
export { DepartmentsModule } from './departments.module';
