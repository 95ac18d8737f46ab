import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { InitiativesModule } from '../initiatives';
import { MomentsModule } from '../moments';
import { NotificationsModule } from '../notifications';
import { IdeaEntity } from './idea.entity';
import { IdeasController } from './ideas.controller';
import { IdeasRepository } from './ideas.repository';
import { IdeasService } from './ideas.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([IdeaEntity]),
    AuditModule,
    InitiativesModule,
    MomentsModule,
    NotificationsModule,
  ],
  controllers: [IdeasController],
  providers: [IdeasService, IdeasRepository],
  exports: [IdeasService],
})
export class IdeasModule {}
