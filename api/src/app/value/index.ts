/** What other features may use of value/ (import it from '../value', never from a file inside). */
export {
  CycleAlertsDto,
  CycleThresholdQueryDto,
  CycleValueDto,
  NoQueryDto,
  TensionAlertDto,
  ValuePairDto,
} from './dto/value.dto';
export {
  type CustomerGroupRow,
  type CycleRow,
  type InitiativeRow,
  type MeasureRow,
  type ReadingRow,
  ValueDataRepository,
} from './value-data.repository';
export {
  cycleRef,
  latestStartedCycle,
  type StoredReading,
  startedCycles,
  ValueModel,
} from './value-model';
export { checkValueRows } from './value-check';
export { rebuildValueRows, recomputeInitiatives } from './value-rebuild';
export { computeValueRows, engineNow, type ValueRows } from './value-rows';
export { type Sql } from './value-store.repository';
export { type ModelParts, resolveCycle, ValueService } from './value.service';
export { ValueModule } from './value.module';
export { AlertsModule } from './alerts/alerts.module';
export { AlertsService } from './alerts/alerts.service';
