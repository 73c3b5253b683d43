import { Injectable } from '@nestjs/common';
import { ProblemException, notFound, unprocessable } from '@crm/platform';
import { Principal } from './access-rules';
import { fieldChanges } from './audit-changes';
import { AuditService } from './audit.service';
import { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { TeamEntity } from './team.entity';
import { TeamsRepository } from './teams.repository';
import { UsersRepository } from './users.repository';
import { isUuid } from './users.service';

/** Roles that may manage a team (a breach of a member's complaint goes to them). */
export const TEAM_MANAGER_ROLES = ['manager', 'admin'] as const;

const nameTaken = () => new ProblemException(409, 'A team with this name exists.', [{ field: 'name', message: 'name is already in use' }]);

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<TeamEntity[]> {
    return this.teams.list();
  }

  async get(id: string): Promise<TeamEntity> {
    const team = isUuid(id) ? await this.teams.findById(id) : null;
    if (!team) throw notFound('The team');
    return team;
  }

  async create(actor: Principal, dto: CreateTeamDto): Promise<TeamEntity> {
    if (dto.managerId) await this.checkManager(dto.managerId);
    return this.teams.transaction(async (m) => {
      const team = await this.teams.insertIfAbsent(m, { name: dto.name, managerId: dto.managerId ?? null });
      if (!team) throw nameTaken();
      await this.audit.record(actor, { action: 'team.create', entityType: 'team', entityId: team.id, changes: fieldChanges(null, audited(team)) }, m);
      return team;
    });
  }

  async update(actor: Principal, id: string, dto: UpdateTeamDto): Promise<TeamEntity> {
    const team = await this.get(id);
    if (dto.managerId) await this.checkManager(dto.managerId);
    const before = audited(team);
    if (dto.name !== undefined) team.name = dto.name;
    if (dto.managerId !== undefined) team.managerId = dto.managerId;
    const changes = fieldChanges(before, audited(team));
    if (!Object.keys(changes).length) return team;
    return this.teams.transaction(async (m) => {
      const saved = await this.teams.save(m, team);
      if (!saved) throw nameTaken();
      await this.audit.record(actor, { action: 'team.update', entityType: 'team', entityId: team.id, changes }, m);
      return saved;
    });
  }

  private async checkManager(id: string): Promise<void> {
    const user = await this.users.findById(id);
    const problem = !user
      ? 'no such user'
      : !user.active
        ? 'the user is deactivated'
        : !(TEAM_MANAGER_ROLES as readonly string[]).includes(user.role)
          ? 'a team manager must have the role manager or admin'
          : null;
    if (problem) throw unprocessable([{ field: 'managerId', message: problem }]);
  }
}

const audited = (t: TeamEntity) => ({ name: t.name, managerId: t.managerId });
