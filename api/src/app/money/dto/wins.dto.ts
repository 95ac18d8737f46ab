import { ApiProperty } from '@nestjs/swagger';
import {
  DIRECTION_VALUES,
  type Direction,
  type MeasureUserRef,
  MONEY_TEXT_MAX,
  type Payback,
  PERSPECTIVE_VALUES,
  type Perspective,
  type PublishWinRequest,
  type WinMeasure,
  type WinMoneyNow,
  type WinResponse,
} from '@waypoint/contracts';
import { PageDto, RequiredText } from '../../common';
import { UserRefDto } from '../../initiatives';
import { PaybackDto, WinInitiativeDto } from './money.dto';

export class PublishWinDto implements PublishWinRequest {
  @RequiredText(MONEY_TEXT_MAX, 'Calling back at a set time beats any queue music.')
  learned!: string;
  @RequiredText(MONEY_TEXT_MAX, 'You told us you waited too long on the phone.')
  youToldUs!: string;
  @RequiredText(MONEY_TEXT_MAX, 'We now call you back at a time you choose.')
  weChanged!: string;
}

class WinMeasureDto implements WinMeasure {
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: PERSPECTIVE_VALUES }) perspective!: Perspective;
  @ApiProperty({ enum: DIRECTION_VALUES }) direction!: Direction;
  @ApiProperty({ description: 'The baseline.' }) before!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The latest reading.' })
  after!: number | null;
}

class WinMoneyDto {
  @ApiProperty({ example: 'GBP' }) currency!: string;
  @ApiProperty({ type: 'integer', nullable: true }) expectedYearlyBenefitMinor!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) oneOffCostMinor!: number | null;
  @ApiProperty({ type: 'integer' }) realisedMinor!: number;
  @ApiProperty({ type: PaybackDto, nullable: true }) payback!: Payback | null;
}

class WinMoneyNowDto implements WinMoneyNow {
  @ApiProperty({ type: 'integer', description: 'The realised benefit of every cycle so far.' })
  realisedMinor!: number;
  @ApiProperty({ type: PaybackDto, nullable: true }) payback!: Payback | null;
}

export class WinResponseDto implements WinResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: WinInitiativeDto }) initiative!: WinResponse['initiative'];
  @ApiProperty({ type: UserRefDto }) publishedBy!: MeasureUserRef;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty() learned!: string;
  @ApiProperty() youToldUs!: string;
  @ApiProperty() weChanged!: string;
  @ApiProperty({ type: [WinMeasureDto] }) measures!: WinMeasure[];
  @ApiProperty({
    type: WinMoneyDto,
    description: 'The money on the day the win was published (publishedAt): a snapshot.',
  })
  money!: WinResponse['money'];
  @ApiProperty({
    type: WinMoneyNowDto,
    nullable: true,
    description:
      "The money today, by the same rules as the initiative's money and the portfolio's payback; null for whoever may not read the initiative.",
  })
  now!: WinMoneyNow | null;
  @ApiProperty({ type: [String] }) customerGroups!: string[];
}

export class WinPageDto extends PageDto(WinResponseDto) {}
