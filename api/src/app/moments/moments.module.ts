import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CustomerMomentEntity } from './customer-moment.entity';
import { MomentsController } from './moments.controller';
import { MomentsRepository } from './moments.repository';
import { MomentsService } from './moments.service';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerMomentEntity]), AuditModule],
  controllers: [MomentsController],
  providers: [MomentsService, MomentsRepository],
  exports: [MomentsService],
})
export class MomentsModule {}
