import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '@crm/platform';
import { ACCESS } from './access.decorator';
import { AccessRule, Principal, decideAccess } from './access-rules';
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
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal | null }>();
    if (rule && 'public' in rule) return true;
    const token = bearerOrCookie(req);
    const principal = token ? await this.auth.authenticate(token) : null;
    req.principal = principal;
    if (!rule) this.logger.error({ msg: 'route declares no access rule; denied', route: `${ctx.getClass().name}.${ctx.getHandler().name}` });
    const decision = decideAccess(rule, principal);
    if (decision === 'unauthenticated') throw new ProblemException(401, 'Sign in, or send a valid token.');
    if (decision === 'forbidden') throw new ProblemException(403, 'You are not allowed to do this.');
    return true;
  }
}
