import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InitiativeTemplate, Page } from '@waypoint/contracts';
import { RequirePermission } from '../auth';
import { ApiProblems } from '../common';
import { TemplateListQueryDto, TemplatePageDto } from './dto/template.dto';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermission('templates.list')
  @ApiOperation({
    summary:
      'Initiative templates (DMAIC, A3 and one per road): milestones with exit criteria and measures.',
  })
  @ApiOkResponse({ type: TemplatePageDto })
  @ApiProblems(400, 401)
  list(@Query() query: TemplateListQueryDto): Promise<Page<InitiativeTemplate>> {
    const { limit, offset, ...filter } = query;
    return Promise.resolve(this.templates.list(filter, { limit, offset }));
  }
}
