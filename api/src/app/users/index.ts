/** What other features may use of users/ (import it from '../users', never from a file inside). */
export { UserEntity } from './user.entity';
export { UsersModule } from './users.module';
export { type SsoAccount, UsersRepository } from './users.repository';
