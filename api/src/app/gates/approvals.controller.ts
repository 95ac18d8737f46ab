import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApprovalResponse, Page } from '@waypoint/contracts';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '../auth';
import { ApiProblems } from '../common';
import { ApprovalsService } from './approvals.service';
import { ApprovalListQueryDto, ApprovalPageDto } from '../milestones';

@ApiTags('gates')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @RequirePermission('approvals.list')
  @ApiOperation({
    summary:
      'Submitted gates waiting for my decision (executives: all; others: those they sponsor; never my own submissions), oldest first, paged.',
  })
  @ApiOkResponse({ type: ApprovalPageDto })
  @ApiProblems(400, 401, 403)
  list(
    @Query() query: ApprovalListQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Page<ApprovalResponse>> {
    return this.approvals.list(user, query, query);
  }
}
