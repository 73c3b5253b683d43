import { Injectable } from '@nestjs/common';
import { ProblemException, notFound, unprocessable } from '@crm/platform';
import { Principal } from './access-rules';
import { fieldChanges } from './audit-changes';
import { AuditService } from './audit.service';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { hashPassword } from './password';
import { TeamsRepository } from './teams.repository';
import { UsersRepository } from './users.repository';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.users.list();
  }

  async get(id: string): Promise<UserEntity> {
    const user = isUuid(id) ? await this.users.findById(id) : null;
    if (!user) throw notFound('The user');
    return user;
  }

  async create(actor: Principal, dto: CreateUserDto): Promise<UserEntity> {
    const email = dto.email.toLowerCase();
    const passwordHash = await hashPassword(dto.password);
    return this.users.transaction(async (m) => {
      const inserted = await this.users.insertIfAbsent({ email, name: dto.name, role: dto.role, passwordHash }, m);
      if (!inserted) throw new ProblemException(409, 'A user with this email exists.', [{ field: 'email', message: 'email is already in use' }]);
      const user = (await this.users.findByEmail(email, m))!;
      const changes = fieldChanges(null, auditedFields(user), { redact: ['password'] });
      await this.audit.record(actor, { action: 'user.create', entityType: 'user', entityId: user.id, changes }, m);
      return user;
    });
  }

  async update(actor: Principal, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    const user = await this.get(id);
    const losesAdmin = user.role === 'admin' && user.active && (dto.active === false || (dto.role && dto.role !== 'admin'));
    if (losesAdmin && user.id === actor.id) {
      throw new ProblemException(409, 'You cannot remove your own administrator access; ask another administrator.');
    }
    if (dto.teamId && !(isUuid(dto.teamId) && (await this.teams.findById(dto.teamId)))) throw unprocessable([{ field: 'teamId', message: 'no such team' }]);
    const before = auditedFields(user);
    if (dto.name !== undefined) user.name = dto.name;
    if (dto.teamId !== undefined) user.teamId = dto.teamId;
    if (dto.role !== undefined) user.role = dto.role;
    if (dto.active !== undefined) user.active = dto.active;
    if (dto.password !== undefined) user.passwordHash = await hashPassword(dto.password);
    return this.users.transaction(async (m) => {
      const saved = await this.users.save(m, user);
      // Deactivation or a new password signs the user out everywhere.
      if (dto.active === false || dto.password !== undefined) await this.users.deleteSessionsOf(m, user.id);
      const changes = fieldChanges(before, auditedFields(saved), { redact: ['password'] });
      await this.audit.record(actor, { action: 'user.update', entityType: 'user', entityId: user.id, changes }, m);
      return saved;
    });
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return this.users.deleteExpiredSessions(now);
  }
}

/** A user as the audit log shows it: the password hash only as "changed" (it is redacted). */
function auditedFields(u: UserEntity) {
  return { email: u.email, name: u.name, role: u.role, active: u.active, teamId: u.teamId, password: u.passwordHash };
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
