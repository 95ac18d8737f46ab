/** What other features may use of meta/ (import it from '../meta', never from a file inside). */
export { InstallationEntity } from './installation.entity';
export { MetaModule } from './meta.module';
