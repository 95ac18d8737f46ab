import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { NotificationsModule } from '../notifications';
import { TemplatesModule } from '../templates';
import { InitiativeAnswersRepository } from './initiative-answers.repository';
import { InitiativeEntity } from './initiative.entity';
import { InitiativePlanRepository } from './initiative-plan.repository';
import { InitiativeReadsService } from './initiative-reads.service';
import { InitiativeReferences } from './initiative-references';
import { InitiativeRelatedRepository } from './initiative-related.repository';
import { InitiativeTransitionsService } from './initiative-transitions.service';
import { InitiativesController } from './initiatives.controller';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([InitiativeEntity]),
    AuditModule,
    NotificationsModule,
    TemplatesModule,
  ],
  controllers: [InitiativesController],
  providers: [
    InitiativesRepository,
    InitiativeRelatedRepository,
    InitiativeAnswersRepository,
    InitiativePlanRepository,
    InitiativeReferences,
    InitiativeReadsService,
    InitiativesService,
    InitiativeTransitionsService,
  ],
  exports: [InitiativeReadsService, InitiativesRepository, InitiativesService],
})
export class InitiativesModule {}
