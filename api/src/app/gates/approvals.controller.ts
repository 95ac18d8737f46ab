import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApprovalResponse, Page } from '@waypoint/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { RequirePermission } from '../auth/permission.decorator';
import { ApiProblems } from '../common/api-problems';
import { ApprovalsService } from './approvals.service';
import { ApprovalListQueryDto, ApprovalPageDto } from './dto/gate.dto';

@ApiTags('gates')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @RequirePermission('approvals.list')
  @ApiOperation({
    summary:
      'Submitted gates waiting for my decision (executives: all; admins: those they sponsor; never my own submissions nor gates of initiatives I own), oldest first, paged.',
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
