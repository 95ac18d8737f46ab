import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConditionListItem, Page } from '@waypoint/contracts';
import { RequirePermission } from '../auth';
import { ApiProblems } from '../common';
import { ConditionsRepository } from './conditions.repository';
import { ConditionListQueryDto, ConditionPageDto } from './dto/condition-list.dto';

@ApiTags('gates')
@Controller('conditions')
export class ConditionsController {
  constructor(private readonly conditions: ConditionsRepository) {}

  @Get()
  @RequirePermission('conditions.list')
  @ApiOperation({
    summary:
      'The conditions of go-with-conditions decisions across initiatives, oldest decision first, paged: filter by status (open: not closed yet, as counted by the portfolio summary; closed: with their note).',
  })
  @ApiOkResponse({ type: ConditionPageDto })
  @ApiProblems(400, 401, 403)
  async list(@Query() query: ConditionListQueryDto): Promise<Page<ConditionListItem>> {
    const { status, limit, offset } = query;
    const { rows, total } = await this.conditions.list(status, { limit, offset });
    return {
      total,
      limit,
      offset,
      items: rows.map((r) => ({
        id: r.id,
        text: r.text,
        status: r.closedAt ? 'closed' : 'open',
        initiative: { id: r.initiativeId, title: r.initiativeTitle },
        milestone: { id: r.milestoneId, title: r.milestoneTitle, position: r.milestonePosition },
        decidedAt: r.decidedAt.toISOString(),
        decidedBy: { id: r.deciderId, displayName: r.deciderName },
        closedAt: r.closedAt ? r.closedAt.toISOString() : null,
        closeNote: r.closeNote,
      })),
    };
  }
}
