import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, requestLine } from '@crm/platform';
import { ACCESS } from './access.decorator';
import { AccessRule, Principal, decideAccess } from './access-rules';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';
import { AuditService } from './audit.service';
import { AuthService, SESSION_COOKIE } from './auth.service';

export function bearerOrCookie(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE] ?? null;
}

/** Global guard: every route is closed unless it declares who may call it (@Public or @Allow). */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('access');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal | null }>();
    if (rule && 'public' in rule) return true;
    const token = bearerOrCookie(req);
    const request = requestLine(req);
    const principal = !token ? null : token.startsWith(API_KEY_PREFIX) ? await this.keyPrincipal(token, request, ctx) : await this.auth.authenticate(token);
    req.principal = principal;
    if (!rule) this.logger.error({ msg: 'route declares no access rule; denied', route: `${ctx.getClass().name}.${ctx.getHandler().name}` });
    const decision = decideAccess(rule, principal);
    if (decision === 'unauthenticated') throw new ProblemException(401, 'Sign in, or send a valid token.');
    if (decision === 'forbidden') {
      if (principal?.kind === 'api_key') await this.apiKeys.recordDenied(principal, 'scope', request);
      else if (principal) await this.audit.recordDenied(principal, { entityType: 'route', reason: 'role' });
      throw new ProblemException(403, 'You are not allowed to do this.');
    }
    return true;
  }

  /** The key's principal; null for an unknown key (401 like any bad token); 401 or 429 for a known key refused. */
  private async keyPrincipal(token: string, request: string, ctx: ExecutionContext): Promise<Principal | null> {
    const check = await this.apiKeys.authenticate(token, request);
    switch (check.kind) {
      case 'ok':
        return check.principal;
      case 'unknown':
        return null;
      case 'rate_limited':
        ctx.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(check.retryAfterSeconds));
        throw new ProblemException(429, `This API key sent more requests than it may; retry after ${check.retryAfterSeconds} s.`);
      default:
        throw new ProblemException(401, `This API key is ${check.kind}.`);
    }
  }
}
