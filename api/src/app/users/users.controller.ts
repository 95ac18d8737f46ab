import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type {
  CreateUserResponse,
  Page,
  SponsorResponse,
  UpdatedUserResponse,
  UserResponse,
} from '@waypoint/contracts';
import {
  type Actor,
  PublicOrigin,
  SetPasswordDto,
  CurrentActor,
  Public,
  RequirePermission,
} from '../auth';
import { Idempotent } from '../idempotency';
import { ApiIfMatch, IfMatch, ProblemDetailsDto } from '../common';
import {
  CreateUserDto,
  CreateUserResponseDto,
  UpdatedUserResponseDto,
  SponsorListQueryDto,
  SponsorPageDto,
  UpdateUserDto,
  UserListQueryDto,
  UserPageDto,
  UserResponseDto,
} from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiUnauthorizedResponse({ type: ProblemDetailsDto })
@ApiForbiddenResponse({ type: ProblemDetailsDto })
@ApiBadRequestResponse({ type: ProblemDetailsDto })
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly publicOrigin: PublicOrigin,
  ) {}

  @Get()
  @RequirePermission('users.list')
  @ApiOperation({ summary: 'Users, by name; filter by role, department, active, or text.' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(query, query);
  }

  @Get('sponsors')
  @RequirePermission('users.sponsors')
  @ApiOperation({
    summary: 'Who may sponsor an initiative: active executives (id, name, department), by name.',
  })
  @ApiOkResponse({ type: SponsorPageDto })
  sponsors(@Query() query: SponsorListQueryDto): Promise<Page<SponsorResponse>> {
    return this.users.sponsors(query.q, query);
  }

  @Get('people')
  @RequirePermission('users.people')
  @ApiOperation({
    summary:
      'Active people of every role (id, name, department), by name: whom an owner may put on a team.',
  })
  @ApiOkResponse({ type: SponsorPageDto })
  people(@Query() query: SponsorListQueryDto): Promise<Page<SponsorResponse>> {
    return this.users.people(query.q, query);
  }

  @Get(':id')
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'One user (with an ETag).' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Post()
  @RequirePermission('users.create')
  @Idempotent()
  @ApiOperation({ summary: 'Create a user; answers a one-time set-password link valid 24 h.' })
  @ApiCreatedResponse({ type: CreateUserResponseDto })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'The email is taken.' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetailsDto, description: 'No such department.' })
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<CreateUserResponse> {
    return this.users.create(body, actor, this.publicOrigin.primary());
  }

  @Patch(':id')
  @RequirePermission('users.update')
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Change name, role or department, or deactivate (ends sessions at once).',
  })
  @ApiOkResponse({ type: UpdatedUserResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  @ApiPreconditionFailedResponse({
    type: ProblemDetailsDto,
    description: 'Changed by someone else.',
  })
  @ApiUnprocessableEntityResponse({ type: ProblemDetailsDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() body: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UpdatedUserResponse> {
    return this.users.update(id, version, body, actor);
  }
}

@ApiTags('auth')
@Controller('auth/password')
export class PasswordController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Choose a password with the token of a set-password link.' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({
    type: ProblemDetailsDto,
    description: 'Too short, too long or too common.',
  })
  @ApiGoneResponse({ type: ProblemDetailsDto, description: 'The link was used or has expired.' })
  setPassword(@Body() body: SetPasswordDto): Promise<void> {
    return this.users.setPassword(body);
  }
}
