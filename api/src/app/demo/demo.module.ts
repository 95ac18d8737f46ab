import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  providers: [DemoService, DemoRepository],
  exports: [DemoService],
})
export class DemoModule {}
