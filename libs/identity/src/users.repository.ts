import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Repository } from 'typeorm';
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

  findByEmail(email: string, m = this.users.manager): Promise<UserEntity | null> {
    return m.findOneBy(UserEntity, { email: email.toLowerCase() });
  }

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { active: 'DESC', name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.users.manager.transaction(work);
  }

  /** Inserts unless the email exists (replicas racing to create the first admin); true when inserted. */
  async insertIfAbsent(user: Pick<UserEntity, 'email' | 'name' | 'role' | 'passwordHash'>, m = this.users.manager): Promise<boolean> {
    const res = await m.createQueryBuilder().insert().into(UserEntity).values(user).orIgnore().execute();
    return Array.isArray(res.raw) && res.raw.length > 0;
  }

  save(m: EntityManager, user: UserEntity): Promise<UserEntity> {
    return m.save(user);
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

  /** Deletes the session if it has expired; the user it belonged to, if it had. */
  async takeExpiredSession(tokenHash: string, now: Date): Promise<UserEntity | null> {
    const [rows] = (await this.sessions.query(`DELETE FROM sessions WHERE token_hash = $1 AND expires_at <= $2 RETURNING user_id`, [tokenHash, now])) as [{ user_id: string }[], number];
    return rows.length ? this.findById(rows[0].user_id) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteSessionsOf(m: EntityManager, userId: string): Promise<void> {
    await m.delete(SessionEntity, { userId });
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return (await this.sessions.delete({ expiresAt: LessThan(now) })).affected ?? 0;
  }
}
