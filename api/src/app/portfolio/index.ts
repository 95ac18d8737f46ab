/** What other features may use of portfolio/ (import it from '../portfolio', never from a file inside). */
export {
  PortfolioAlertsResponseDto,
  PortfolioSummaryBaseDto,
  PortfolioTensionResponseDto,
} from './dto/portfolio.dto';
export { stagesOf } from './portfolio-summary';
export { PortfolioModule } from './portfolio.module';
export { PortfolioRepository } from './portfolio.repository';
export { PortfolioService } from './portfolio.service';
