import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CustomerGroupEntity } from './customer-group.entity';
import { CustomerGroupsController } from './customer-groups.controller';
import { CustomerGroupsRepository } from './customer-groups.repository';
import { CustomerGroupsService } from './customer-groups.service';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerGroupEntity]), AuditModule],
  controllers: [CustomerGroupsController],
  providers: [CustomerGroupsService, CustomerGroupsRepository],
  exports: [CustomerGroupsService],
})
export class CustomerGroupsModule {}
