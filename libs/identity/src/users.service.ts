import { Injectable } from '@nestjs/common';
import { ProblemException, notFound } from '@crm/platform';
import { Principal } from './access-rules';
import { AuditService } from './audit.service';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { hashPassword } from './password';
import { UsersRepository } from './users.repository';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
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
    const inserted = await this.users.insertIfAbsent({ email, name: dto.name, role: dto.role, passwordHash: await hashPassword(dto.password) });
    if (!inserted) throw new ProblemException(409, 'A user with this email exists.', [{ field: 'email', message: 'email is already in use' }]);
    const user = (await this.users.findByEmail(email))!;
    await this.audit.record(actor, { action: 'user.create', entityType: 'user', entityId: user.id, details: { email, role: dto.role } });
    return user;
  }

  async update(actor: Principal, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    const user = await this.get(id);
    const losesAdmin = user.role === 'admin' && user.active && (dto.active === false || (dto.role && dto.role !== 'admin'));
    if (losesAdmin && user.id === actor.id) {
      throw new ProblemException(409, 'You cannot remove your own administrator access; ask another administrator.');
    }
    const changes: Record<string, unknown> = {};
    if (dto.name !== undefined) user.name = changes.name = dto.name;
    if (dto.role !== undefined) user.role = changes.role = dto.role;
    if (dto.active !== undefined) user.active = changes.active = dto.active;
    if (dto.password !== undefined) {
      user.passwordHash = await hashPassword(dto.password);
      changes.password = 'changed';
    }
    const saved = await this.users.save(user);
    // Deactivation or a new password signs the user out everywhere.
    if (dto.active === false || dto.password !== undefined) await this.users.deleteSessionsOf(user.id);
    await this.audit.record(actor, { action: 'user.update', entityType: 'user', entityId: user.id, details: changes });
    return saved;
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return this.users.deleteExpiredSessions(now);
  }
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
