import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InitiativeMoneyResponse, PortfolioMoneyResponse } from '@waypoint/contracts';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams } from '../common';
import { Idempotent } from '../idempotency';
import { ApiOptionalIfMatch, OptionalIfMatch } from '../reviews';
import {
  CreateRealisedBenefitDto,
  InitiativeMoneyResponseDto,
  PortfolioMoneyResponseDto,
  PutMoneyPlanDto,
  PutValuePerUnitDto,
} from './dto/money.dto';
import { MoneyService } from './money.service';
import { PortfolioMoneyService } from './portfolio-money.service';

@ApiTags('money')
@Controller()
export class MoneyController {
  constructor(
    private readonly money: MoneyService,
    private readonly portfolio: PortfolioMoneyService,
  ) {}

  @Get('initiatives/:id/money')
  @RequirePermission('initiatives.read', 'initiative')
  @ApiOperation({
    summary:
      "An initiative's money: its case (expected yearly benefit, one-off and running cost, assumptions), the value per unit of its business measures, expected against realised benefit per cycle (entered with evidence, else from valued measures), and payback.",
  })
  @ApiOkResponse({ type: InitiativeMoneyResponseDto })
  @ApiProblems(400, 401, 403, 404)
  read(@Param() params: IdParams): Promise<InitiativeMoneyResponse> {
    return this.money.read(params.id);
  }

  @Put('initiatives/:id/money')
  @RequirePermission('money.write', 'initiative')
  @ApiOptionalIfMatch()
  @ApiOperation({
    summary:
      "Write an initiative's money case: creates it, or replaces it with If-Match (the plan's version) (audited).",
  })
  @ApiOkResponse({ type: InitiativeMoneyResponseDto, description: 'Replaced.' })
  @ApiCreatedResponse({ type: InitiativeMoneyResponseDto, description: 'Created.' })
  @ApiProblems(400, 401, 403, 404, 412, [
    428,
    'The money case exists: send If-Match with its version.',
  ])
  async putPlan(
    @Param() params: IdParams,
    @OptionalIfMatch() expectedVersion: number | null,
    @Body() body: PutMoneyPlanDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InitiativeMoneyResponse> {
    const { created, money } = await this.money.putPlan(params.id, expectedVersion, body, actor);
    void reply.status(created ? 201 : 200);
    return money;
  }

  @Put('measures/:id/value-per-unit')
  @RequirePermission('money.write', 'measure')
  @ApiOperation({
    summary:
      "State what one unit of improvement of a business measure is worth, and why (0: no value, the measure stops counting) (audited). Answers the initiative's money.",
  })
  @ApiOkResponse({ type: InitiativeMoneyResponseDto })
  @ApiProblems(400, 401, 403, 404, [422, 'Not a business measure.'])
  putValuePerUnit(
    @Param() params: IdParams,
    @Body() body: PutValuePerUnitDto,
    @CurrentActor() actor: Actor,
  ): Promise<InitiativeMoneyResponse> {
    return this.money.putValuePerUnit(params.id, body, actor);
  }

  @Post('initiatives/:id/realised-benefits')
  @Idempotent()
  @RequirePermission('money.write', 'initiative')
  @ApiOperation({
    summary:
      "Enter a cycle's realised benefit with its evidence (audited): it replaces the figure measured for that cycle, and a later entry for the cycle replaces it. Answers the initiative's money.",
  })
  @ApiCreatedResponse({ type: InitiativeMoneyResponseDto })
  @ApiProblems(
    400,
    401,
    403,
    404,
    [409, 'This Idempotency-Key is still being processed.'],
    [
      422,
      'No such cycle, or it has not started; or the Idempotency-Key was used for another request.',
    ],
  )
  enter(
    @Param() params: IdParams,
    @Body() body: CreateRealisedBenefitDto,
    @CurrentActor() actor: Actor,
  ): Promise<InitiativeMoneyResponse> {
    return this.money.enter(params.id, body, actor);
  }

  @Get('portfolio/money')
  @RequirePermission('portfolio.read')
  @ApiOperation({
    summary:
      'The money of the portfolio: expected against realised benefit per cycle, in all, by road and by department (of the owner), the mix of initiatives by road, and the payback of each completed initiative.',
  })
  @ApiOkResponse({ type: PortfolioMoneyResponseDto })
  @ApiProblems(401, 403)
  portfolioMoney(): Promise<PortfolioMoneyResponse> {
    return this.portfolio.read();
  }
}
