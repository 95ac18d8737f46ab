import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';
import { DemoStoryRunner } from './demo-story.runner';
import { DemoSelfAssessment } from './demo-self-assessment';

@Module({
  providers: [DemoService, DemoRepository, DemoStoryRunner, DemoSelfAssessment],
  exports: [DemoService],
})
export class DemoModule {}
