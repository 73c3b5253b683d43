import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CONFIG, Config, notFound, unprocessable } from '@crm/platform';
import { Principal } from './access-rules';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeysRepository } from './api-keys.repository';
import { fieldChanges } from './audit-changes';
import { AuditService } from './audit.service';
import { sha256 } from './auth.service';
import { CreateApiKeyDto } from './dto/api-key.dto';
import { Bucket, takeToken } from './rate-limit';
import { isUuid } from './users.service';

/** Distinct from session tokens (crm_s_), so the guard knows where to look a bearer token up. */
export const API_KEY_PREFIX = 'crm_k_';
/** How much of a key lists show: the marker plus 8 random characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 8;
const MINUTE = 60_000;

/** What a presented key amounts to; the guard turns it into a principal or a 401/429. */
export type ApiKeyCheck =
  | { kind: 'ok'; principal: Principal }
  | { kind: 'unknown' }
  | { kind: 'revoked' | 'expired' }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

export type DenialReason = 'revoked' | 'expired' | 'scope' | 'body_too_large';

@Injectable()
export class ApiKeysService {
  /**
   * Token buckets, and when a key's rate limiting was last audited, per key id. They live in this API
   * process's memory: with N replicas behind a load balancer a key may get up to N times the rate, and a
   * restart refills every bucket. A shared limiter (Redis) is future work. The maps hold one entry per key
   * that has been used since start, and keys are few (admins create them by hand).
   */
  private readonly buckets = new Map<string, Bucket>();
  private readonly rateLimitAuditedAt = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** A new key: the secret is returned here once and only its SHA-256 is kept. */
  async create(actor: Principal, dto: CreateApiKeyDto, now = new Date()): Promise<{ key: string; entity: ApiKeyEntity }> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt <= now) throw unprocessable([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
    const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const entity = await this.keys.transaction(async (m) => {
      const created = await this.keys.insert(m, { name: dto.name, prefix: key.slice(0, SHOWN_LENGTH), keyHash: sha256(key), scopes: dto.scopes, createdBy: actor.id, expiresAt });
      const details = { name: dto.name, scopes: dto.scopes, expiresAt: expiresAt?.toISOString() ?? null };
      await this.audit.record(actor, { action: 'api_key.create', entityType: 'api_key', entityId: created.id, details, changes: fieldChanges(null, details) }, m);
      return created;
    });
    return { key, entity };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.list();
  }

  /** Idempotent: revoking a revoked key changes nothing and records nothing. The row stays. */
  async revoke(actor: Principal, id: string, now = new Date()): Promise<void> {
    const key = isUuid(id) ? await this.keys.findById(id) : null;
    if (!key) throw notFound('The API key');
    await this.keys.transaction(async (m) => {
      if (await this.keys.revoke(m, id, now)) {
        const changes = fieldChanges({ revokedAt: null }, { revokedAt: now });
        await this.audit.record(actor, { action: 'api_key.revoke', entityType: 'api_key', entityId: id, details: { name: key.name }, changes }, m);
      }
    });
  }

  /**
   * Looks the key up on every request (one indexed read, no cache), so a revocation on any replica
   * takes effect at once. `request` ("GET /api/v1/customers") goes into audit entries.
   */
  async authenticate(token: string, request: string, now = new Date()): Promise<ApiKeyCheck> {
    const key = await this.keys.findByHash(sha256(token));
    if (!key) return { kind: 'unknown' };
    const principal = principalOfKey(key);
    const dead = key.revokedAt ? 'revoked' : key.expiresAt && key.expiresAt <= now ? 'expired' : null;
    if (dead) {
      await this.recordDenied(principal, dead, request);
      return { kind: dead };
    }
    const limit = takeToken(this.buckets.get(key.id), now.getTime(), this.config.apiKeyRatePerSecond, this.config.apiKeyBurst);
    this.buckets.set(key.id, limit.state);
    if (!limit.allowed) {
      // One entry per key per minute (per process): a flood must not flood the audit log.
      const last = this.rateLimitAuditedAt.get(key.id);
      if (last === undefined || now.getTime() - last >= MINUTE) {
        this.rateLimitAuditedAt.set(key.id, now.getTime());
        await this.audit.record(principal, { action: 'api_key.rate_limited', entityType: 'api_key', entityId: key.id, details: { request } });
      }
      return { kind: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
    }
    // lastUsedAt is for "is this integration still alive?": minute precision is plenty, a write per request is not.
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= MINUTE) await this.keys.touch(key.id, now, new Date(now.getTime() - MINUTE));
    return { kind: 'ok', principal };
  }

  /**
   * A request carrying this key that Fastify refused before any guard ran (a body over the limit): audited like
   * other refusals when the key is known, ignored when not (an unknown token is nobody's to audit).
   */
  async recordRefusedBeforeAuth(token: string, reason: 'body_too_large', request: string): Promise<void> {
    const key = await this.keys.findByHash(sha256(token));
    if (key) await this.recordDenied(principalOfKey(key), reason, request);
  }

  /** A request refused for this key: used after revocation or expiry, or outside the key's scopes. */
  async recordDenied(key: Principal, reason: DenialReason, request: string): Promise<void> {
    await this.audit.record(key, { action: 'api_key.denied', entityType: 'api_key', entityId: key.id, details: { reason, request } });
  }
}

function principalOfKey(key: ApiKeyEntity): Principal {
  return { kind: 'api_key', id: key.id, name: key.name, scopes: key.scopes };
}
