import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { SessionEntity, UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { active: 'DESC', name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /** Inserts unless the email exists (replicas racing to create the first admin); true when inserted. */
  async insertIfAbsent(user: Pick<UserEntity, 'email' | 'name' | 'role' | 'passwordHash'>): Promise<boolean> {
    const res = await this.users.createQueryBuilder().insert().values(user).orIgnore().execute();
    return Array.isArray(res.raw) && res.raw.length > 0;
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.users.save(user);
  }

  async createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.sessions.insert({ userId, tokenHash, expiresAt });
  }

  /** The active user behind an unexpired session token, if any. */
  async userForSession(tokenHash: string, now: Date): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .innerJoin(SessionEntity, 's', 's.user_id = u.id')
      .where('s.token_hash = :tokenHash AND s.expires_at > :now AND u.active', { tokenHash, now })
      .getOne();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return (await this.sessions.delete({ expiresAt: LessThan(now) })).affected ?? 0;
  }
}
