import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { NotificationEntity } from './notification.entity';
import { NotificationEvents } from './notification-events.service';
import { NotificationFactsRepository } from './notification-facts.repository';
import { NotificationSweep } from './notification-sweep';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { SweepRepository } from './sweep.repository';

/**
 * The in-app inbox: GET/POST /api/notifications, `NotificationsService.notify()` and the
 * `NotificationEvents` that the gate and step workflows call inside their transactions, and the
 * `NotificationSweep` of time-based notifications. Global, so that any feature can notify
 * without importing it.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), AuditModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    NotificationFactsRepository,
    SweepRepository,
    NotificationSweep,
    NotificationsService,
    NotificationEvents,
  ],
  exports: [NotificationsService, NotificationEvents],
})
export class NotificationsModule {}
