/** What other features may use of demo/ (import it from '../demo', never from a file inside). */
export { DemoModule } from './demo.module';
export { DemoService } from './demo.service';
