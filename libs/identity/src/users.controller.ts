import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from './access.decorator';
import { Principal } from './access-rules';
import { CreateUserDto, UpdateUserDto, UserDto, UserListDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Every staff member can see who the colleagues are (to pick an owner); only admins change them. */
  @Get()
  @Allow()
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<UserListDto> {
    return { items: (await this.users.list()).map(UserDto.from), nextCursor: null };
  }

  @Get(':id')
  @Allow()
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id') id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(id));
  }

  @Post()
  @Allow(['admin'])
  @ApiCreatedResponse({ type: UserDto })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(p, dto));
  }

  @Patch(':id')
  @Allow(['admin'])
  @ApiOkResponse({ type: UserDto })
  async update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.update(p, id, dto));
  }
}
