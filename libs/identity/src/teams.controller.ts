import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal } from './access.decorator';
import { Principal } from './access-rules';
import { CreateTeamDto, TeamDto, TeamListDto, UpdateTeamDto } from './dto/team.dto';
import { TeamsService } from './teams.service';

/** Every staff member can see the teams (the complaints board filters by them); only admins change them. Members: PATCH /users/{id} teamId. */
@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Allow()
  @ApiOkResponse({ type: TeamListDto })
  async list(): Promise<TeamListDto> {
    return { items: (await this.teams.list()).map(TeamDto.from), nextCursor: null };
  }

  @Post()
  @Allow(['admin'])
  @ApiCreatedResponse({ type: TeamDto })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreateTeamDto): Promise<TeamDto> {
    return TeamDto.from(await this.teams.create(p, dto));
  }

  @Patch(':id')
  @Allow(['admin'])
  @ApiOkResponse({ type: TeamDto })
  async update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateTeamDto): Promise<TeamDto> {
    return TeamDto.from(await this.teams.update(p, id, dto));
  }
}
