import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';
import { DemoStoryRunner } from './demo-story.runner';
import { DemoMoneyRepository } from './demo-money.repository';
import { DemoMoneyStory } from './demo-money';

@Module({
  providers: [DemoService, DemoRepository, DemoStoryRunner, DemoMoneyStory, DemoMoneyRepository],
  exports: [DemoService],
})
export class DemoModule {}
