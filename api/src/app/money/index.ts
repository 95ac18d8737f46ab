/** What other features may use of money/ (import it from '../money', never from a file inside). */
export { MoneyModule } from './money.module';
export { MoneyService } from './money.service';
export { WinsService } from './wins.service';
