import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit';
import { AlertEngine } from './alert-engine.service';
import { AlertInputsRepository } from './alert-inputs.repository';
import { AlertsController, PortfolioAlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/**
 * Alert records (issue 13): the engine that raises and resolves them on every write of value
 * inputs (a ValueWrites listener), and GET/POST /api/alerts, GET /api/portfolio/alerts.
 * NotificationEvents comes from the global NotificationsModule.
 */
@Module({
  imports: [AuditModule],
  controllers: [AlertsController, PortfolioAlertsController],
  providers: [AlertEngine, AlertInputsRepository, AlertsRepository, AlertsService],
  exports: [AlertsService],
})
export class AlertsModule {}
