import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';
import { DemoStoryRunner } from './demo-story.runner';
import { DemoMomentsAndIdeas } from './demo-moments-and-ideas';

@Module({
  providers: [DemoService, DemoRepository, DemoStoryRunner, DemoMomentsAndIdeas],
  exports: [DemoService],
})
export class DemoModule {}
