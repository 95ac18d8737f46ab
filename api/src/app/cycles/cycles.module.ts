import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CycleEntity } from './cycle.entity';
import { CyclesController } from './cycles.controller';
import { CyclesRepository } from './cycles.repository';
import { CyclesService } from './cycles.service';

/** Improvement cycles (the cycle reviews of initiatives are the ReviewsModule, reviews/). */
@Module({
  imports: [TypeOrmModule.forFeature([CycleEntity]), AuditModule],
  controllers: [CyclesController],
  providers: [CyclesService, CyclesRepository],
  exports: [CyclesRepository],
})
export class CyclesModule {}
