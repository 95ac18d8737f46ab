import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CountedSql } from '../common';
import { AlertEngine } from './alerts/alert-engine.service';
import { AlertInputsRepository } from './alerts/alert-inputs.repository';
import { AlertsRepository } from './alerts/alerts.repository';
import { ValueDataRepository } from './value-data.repository';
import { ValueEngine } from './value-engine';
import { ValueStore } from './value-store.repository';
import { InitiativeValueController } from './value.controller';
import { ValueService } from './value.service';

/**
 * The value engine (issue 13): the cycle standings and indices stored per measure, initiative
 * and cycle, and the alert records, kept up to date in the transaction of every write that
 * changes them, and read by the portfolio, cycle reviews, briefs and exports. The alerts'
 * endpoints are in AlertsModule (alerts/), which reads the records through this module.
 * NotificationEvents (for a raised alert) comes from the global NotificationsModule.
 */
@Module({
  imports: [AuditModule],
  controllers: [InitiativeValueController],
  providers: [
    CountedSql,
    ValueDataRepository,
    ValueStore,
    AlertInputsRepository,
    AlertsRepository,
    AlertEngine,
    ValueEngine,
    ValueService,
  ],
  exports: [ValueService, ValueDataRepository, AlertsRepository, AlertInputsRepository],
})
export class ValueModule {}
