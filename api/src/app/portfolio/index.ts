/** What other features may use of portfolio/ (import it from '../portfolio', never from a file inside). */
export {
  PortfolioAlertsResponseDto,
  PortfolioSummaryBaseDto,
  PortfolioTensionResponseDto,
} from './dto/portfolio.dto';
export {
  CycleAlertsDto,
  CycleThresholdQueryDto,
  CycleValueDto,
  NoQueryDto,
  ValuePairDto,
} from './dto/value.dto';
export { stagesOf } from './portfolio-summary';
export { PortfolioModule } from './portfolio.module';
export { PortfolioRepository } from './portfolio.repository';
export { PortfolioService, resolveCycle } from './portfolio.service';
export { CountedSql } from './statements/counted-sql';
export {
  SQL_STATEMENTS_HEADER,
  STATEMENT_COUNT_HEADERS,
  StatementCountInterceptor,
  StatementCountingLogger,
} from './statements/statement-counter';
export { type CycleRow, ValueDataRepository } from './value-data.repository';
export { type ValueModel, cycleRef, loadValueModel } from './value-model';
