import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { CONFIG, Config, ProblemException, TooManyRequestsException } from '@crm/platform';
import { Principal } from './access-rules';
import { AuditService } from './audit.service';
import { LoginThrottleService } from './login-throttle.service';
import { DECOY_HASH, hashPassword, verifyPassword } from './password';
import { UsersRepository } from './users.repository';
import { UserEntity } from './user.entity';

export const SESSION_COOKIE = 'crm_session';
const SESSION_PREFIX = 'crm_s_';

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * One answer for an unknown email, a wrong password and a deactivated user, after the same scrypt work (a decoy hash
   * for an unknown email): no account enumeration by message or timing. Repeated failures lock the email — known or
   * not, so a lock reveals nothing either — and the caller's IP address for a while: 429 with Retry-After.
   */
  async login(email: string, password: string, ip: string | null = null, now = Date.now()): Promise<{ token: string; user: UserEntity; expiresAt: Date }> {
    const wait = this.throttle.retryAfter(email, ip, now);
    if (wait > 0) throw new TooManyRequestsException(wait, `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min.`);
    const user = await this.users.findByEmail(email.trim());
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !ok || !user.active) {
      for (const scope of this.throttle.failed(email, ip, now)) {
        await this.audit.record(null, { action: 'auth.locked', entityType: 'user', entityId: scope === 'account' ? (user?.id ?? null) : null, details: { scope } });
      }
      throw new ProblemException(401, 'Email or password is wrong, or the account is deactivated.');
    }
    this.throttle.succeeded(email);
    const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.users.createSession(user.id, sha256(token), expiresAt);
    await this.audit.record(principalOf(user), { action: 'auth.login', entityType: 'user', entityId: user.id });
    return { token, user, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.users.deleteSession(sha256(token));
  }

  /**
   * The caller behind a bearer token or cookie; null when it is unknown, expired or its user deactivated. The first
   * use of an expired session is audited as a refusal and ends the session, so later uses are unknown tokens and a
   * console left open overnight does not fill the audit log.
   */
  async authenticate(token: string, now = new Date()): Promise<Principal | null> {
    if (!token.startsWith(SESSION_PREFIX)) return null;
    const user = await this.users.userForSession(sha256(token), now);
    if (user) return principalOf(user);
    const expired = await this.users.takeExpiredSession(sha256(token), now);
    if (expired) await this.audit.recordDenied(principalOf(expired), { entityType: 'session', reason: 'session_expired' });
    return null;
  }

  /** On first start with no users, the administrator from ADMIN_EMAIL / ADMIN_PASSWORD. */
  async onApplicationBootstrap() {
    if ((await this.users.count()) > 0) return;
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const created = await this.users.insertIfAbsent({
      email: this.config.adminEmail,
      name: 'Administrator',
      role: 'admin',
      passwordHash: await hashPassword(password),
    });
    if (!created) return;
    this.logger.warn({
      msg: 'created the first administrator',
      email: this.config.adminEmail,
      ...(this.config.adminPassword ? {} : { generatedPassword: password, note: 'shown once; change it after signing in' }),
    });
  }
}

export function principalOf(user: UserEntity): Principal {
  return { kind: 'user', id: user.id, email: user.email, name: user.name, role: user.role };
}
