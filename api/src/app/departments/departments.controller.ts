import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DepartmentResponse, Page } from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams, ApiIfMatch, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateDepartmentDto,
  DepartmentListQueryDto,
  DepartmentPageDto,
  DepartmentResponseDto,
  UpdateDepartmentDto,
} from './dto/department.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @RequirePermission('departments.list')
  @ApiOperation({ summary: 'Departments, sorted by name, paged.' })
  @ApiOkResponse({ type: DepartmentPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: DepartmentListQueryDto): Promise<Page<DepartmentResponse>> {
    return this.departments.list(query);
  }

  @Get(':id')
  @RequirePermission('departments.read')
  @ApiOperation({ summary: 'One department; the ETag header carries its version.' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams): Promise<DepartmentResponse> {
    return this.departments.get(params.id);
  }

  @Post()
  @Idempotent()
  @RequirePermission('departments.create')
  @ApiOperation({ summary: 'Create a department (audited).' })
  @ApiCreatedResponse({ type: DepartmentResponseDto })
  @ApiProblems(400, 401, 403, [
    409,
    'The name is taken (ignoring case), or this Idempotency-Key is in flight.',
  ])
  create(
    @Body() body: CreateDepartmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentResponse> {
    return this.departments.create(body, actor);
  }

  @Patch(':id')
  @RequirePermission('departments.update')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Rename a department, if it has not changed since you read it.' })
  @ApiOkResponse({ type: DepartmentResponseDto, description: 'The new state, with its new ETag.' })
  @ApiProblems(400, 401, 403, 404, [409, 'The name is taken (ignoring case).'], 412, 428)
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateDepartmentDto,
    @CurrentActor() actor: Actor,
  ): Promise<DepartmentResponse> {
    return this.departments.update(params.id, expectedVersion, body, actor);
  }
}
