import { Module } from '@nestjs/common';
import { CountedSql, StatementCountInterceptor } from '../common';
import { ValueDataRepository } from './value-data.repository';
import { ValueEngine } from './value-engine';
import { ValueStore } from './value-store.repository';
import { InitiativeValueController } from './value.controller';
import { ValueService } from './value.service';

/**
 * The value engine (issue 13): the cycle standings and indices stored per measure, initiative
 * and cycle, kept up to date in the transaction of every write that changes them, and read by
 * the portfolio, cycle reviews, briefs and exports.
 */
@Module({
  controllers: [InitiativeValueController],
  providers: [
    CountedSql,
    StatementCountInterceptor,
    ValueDataRepository,
    ValueStore,
    ValueEngine,
    ValueService,
  ],
  exports: [ValueService, ValueDataRepository],
})
export class ValueModule {}
