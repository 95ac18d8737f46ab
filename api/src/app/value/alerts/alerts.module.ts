import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit';
import { ValueModule } from '../value.module';
import { AlertsController, PortfolioAlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/**
 * Alert records (issue 13): GET/POST /api/alerts and GET /api/portfolio/alerts. The engine that
 * raises and resolves them on every write of value inputs runs in ValueModule, beside the rows.
 */
@Module({
  imports: [AuditModule, ValueModule],
  controllers: [AlertsController, PortfolioAlertsController],
  providers: [AlertsService],
  exports: [AlertsService],
})
export class AlertsModule {}
