/** What other features may use of customer-groups/ (import it from '../customer-groups', never from a file inside). */
export { CustomerGroupEntity } from './customer-group.entity';
export { CustomerGroupsModule } from './customer-groups.module';
