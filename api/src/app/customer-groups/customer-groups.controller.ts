import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CustomerGroupResponse, Page } from '@waypoint/contracts';
import { type Actor, CurrentActor, RequirePermission } from '../auth';
import { ApiProblems, IdParams, ApiIfMatch, IfMatch } from '../common';
import { Idempotent } from '../idempotency';
import {
  CreateCustomerGroupDto,
  CustomerGroupListQueryDto,
  CustomerGroupPageDto,
  CustomerGroupResponseDto,
  UpdateCustomerGroupDto,
} from './dto/customer-group.dto';
import { CustomerGroupsService } from './customer-groups.service';

@ApiTags('customer-groups')
@Controller('customer-groups')
export class CustomerGroupsController {
  constructor(private readonly groups: CustomerGroupsService) {}

  @Get()
  @RequirePermission('customer-groups.list')
  @ApiOperation({ summary: 'Customer groups, sorted by name, paged; filter by intent.' })
  @ApiOkResponse({ type: CustomerGroupPageDto })
  @ApiProblems(400, 401, 403)
  list(@Query() query: CustomerGroupListQueryDto): Promise<Page<CustomerGroupResponse>> {
    return this.groups.list({ intent: query.intent }, query);
  }

  @Get(':id')
  @RequirePermission('customer-groups.read')
  @ApiOperation({ summary: 'One customer group; the ETag header carries its version.' })
  @ApiOkResponse({ type: CustomerGroupResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param() params: IdParams): Promise<CustomerGroupResponse> {
    return this.groups.get(params.id);
  }

  @Post()
  @Idempotent()
  @RequirePermission('customer-groups.create')
  @ApiOperation({ summary: 'Create a customer group (audited).' })
  @ApiCreatedResponse({ type: CustomerGroupResponseDto })
  @ApiProblems(400, 401, 403, [
    409,
    'The name is taken (ignoring case), or this Idempotency-Key is in flight.',
  ])
  create(
    @Body() body: CreateCustomerGroupDto,
    @CurrentActor() actor: Actor,
  ): Promise<CustomerGroupResponse> {
    return this.groups.create(body, actor);
  }

  @Patch(':id')
  @RequirePermission('customer-groups.update')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Change a customer group, if it has not changed since you read it.' })
  @ApiOkResponse({
    type: CustomerGroupResponseDto,
    description: 'The new state, with its new ETag.',
  })
  @ApiProblems(400, 401, 403, 404, [409, 'The name is taken (ignoring case).'], 412, 428)
  update(
    @Param() params: IdParams,
    @IfMatch() expectedVersion: number,
    @Body() body: UpdateCustomerGroupDto,
    @CurrentActor() actor: Actor,
  ): Promise<CustomerGroupResponse> {
    return this.groups.update(params.id, expectedVersion, body, actor);
  }
}
