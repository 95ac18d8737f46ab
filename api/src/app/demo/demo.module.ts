import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';
import { DemoStoryRunner } from './demo-story.runner';

@Module({
  providers: [DemoService, DemoRepository, DemoStoryRunner],
  exports: [DemoService],
})
export class DemoModule {}
