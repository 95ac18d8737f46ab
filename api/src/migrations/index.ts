import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Identity1764000000100 } from './1764000000100-Identity';
import { Integrity1764000000200 } from './1764000000200-Integrity';
import { Domain1764000000300 } from './1764000000300-Domain';
import { InitiativeHistory1764000000400 } from './1764000000400-InitiativeHistory';
import { MeasuresAndCycles1764000000600 } from './1764000000600-MeasuresAndCycles';
import { PortfolioPerformance1764000001000 } from './1764000001000-PortfolioPerformance';
import { ApiTokenExpiryAndScope1764000001600 } from './1764000001600-ApiTokenExpiryAndScope';
import { ValueEngine1764000001700 } from './1764000001700-ValueEngine';
import { ReadingWithdrawals1764000001750 } from './1764000001750-ReadingWithdrawals';
import { StepCarryOver1764000002140 } from './1764000002140-StepCarryOver';
import { AlertRecords1764000002300 } from './1764000002300-AlertRecords';
import { PortfolioRows1764000003000 } from './1764000003000-PortfolioRows';
import { GateSubmissionNote1764000003300 } from './1764000003300-GateSubmissionNote';
import { SsoAndReadingImports1764000003400 } from './1764000003400-SsoAndReadingImports';
import { EmailOutbox1764000003500 } from './1764000003500-EmailOutbox';
import { BaselineFromFirstReading1764000003600 } from './1764000003600-BaselineFromFirstReading';
import { MomentsAndIdeas1764000003800 } from './1764000003800-MomentsAndIdeas';
import { Webhooks1764000003700 } from './1764000003700-Webhooks';
import { MoneyAndWins1764000003900 } from './1764000003900-MoneyAndWins';
import { SelfAssessments1764000004000 } from './1764000004000-SelfAssessments';
import { InitiativeAnswerIndexes1764000004100 } from './1764000004100-InitiativeAnswerIndexes';
import { CheaperWriteTriggers1764000004200 } from './1764000004200-CheaperWriteTriggers';
import { ValueRefreshPending1764000004210 } from './1764000004210-ValueRefreshPending';

/** Every migration, in order. The bundle cannot glob files, so each one is listed here. */
export const migrations = [
  Foundation1764000000000,
  Identity1764000000100,
  Integrity1764000000200,
  Domain1764000000300,
  InitiativeHistory1764000000400,
  MeasuresAndCycles1764000000600,
  PortfolioPerformance1764000001000,
  ApiTokenExpiryAndScope1764000001600,
  ValueEngine1764000001700,
  ReadingWithdrawals1764000001750,
  StepCarryOver1764000002140,
  AlertRecords1764000002300,
  PortfolioRows1764000003000,
  GateSubmissionNote1764000003300,
  SsoAndReadingImports1764000003400,
  EmailOutbox1764000003500,
  BaselineFromFirstReading1764000003600,
  Webhooks1764000003700,
  MomentsAndIdeas1764000003800,
  MoneyAndWins1764000003900,
  SelfAssessments1764000004000,
  InitiativeAnswerIndexes1764000004100,
  CheaperWriteTriggers1764000004200,
  ValueRefreshPending1764000004210,
];
