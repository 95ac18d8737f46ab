/** What other features may use of auth/ (import it from '../auth', never from a file inside). */
export { SetPasswordDto } from './auth.dto';
export { SESSION_COOKIE } from './auth.guard';
export { AuthModule } from './auth.module';
export { AuthService, type IssuedSession } from './auth.service';
export { setSessionCookie } from './session-cookie';
export type { CredentialOwner } from './credentials.repository';
export type { Actor, AuthenticatedUser } from './authenticated-user';
export { CredentialsRepository } from './credentials.repository';
export {
  type AuthenticatedRequest,
  CurrentAccess,
  CurrentActor,
  CurrentUser,
  userOf,
} from './current-user.decorator';
export { PasswordHashing } from './password-hashing';
export { DEMO_PASSWORD, passwordProblems } from './password-policy';
export { PublicOrigin } from './public-origin';
export {
  NotFoundByHandler,
  PERMISSION_EXTENSION,
  Public,
  RequirePermission,
} from './permission.decorator';
export type { InitiativeAccess } from './initiative-relations.repository';
export { effectiveRelations, permissionRule, RELATION_VALUES, type Relation } from './permissions';
export { hashPassword, hashSecret, newSecret } from './secrets';
