import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';
import { DemoStoryRunner } from './demo-story.runner';
import { DemoMomentsAndIdeas } from './demo-moments-and-ideas';
import { DemoMoneyRepository } from './demo-money.repository';
import { DemoMoneyStory } from './demo-money';
import { DemoSelfAssessment } from './demo-self-assessment';

@Module({
  providers: [
    DemoService,
    DemoRepository,
    DemoStoryRunner,
    DemoMomentsAndIdeas,
    DemoMoneyStory,
    DemoMoneyRepository,
    DemoSelfAssessment,
  ],
  exports: [DemoService],
})
export class DemoModule {}
