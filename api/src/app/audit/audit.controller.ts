import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventResponse, Page } from '@waypoint/contracts';
import { RequirePermission } from '../auth';
import { ApiProblems } from '../common';
import { AuditService } from './audit.service';
import { AuditEventPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.list')
  @ApiOperation({
    summary: 'The audit trail, newest first; filter by record, actor, action, time.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEventResponse>> {
    const { limit, offset, ...filter } = query;
    return this.audit.list(filter, { limit, offset });
  }
}
