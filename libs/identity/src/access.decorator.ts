import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AccessRule, Principal } from './access-rules';
import { ROLES, Role, Scope } from './roles';

export const ACCESS = Symbol('ACCESS');

/** Open to anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS, { public: true } satisfies AccessRule);

/** Staff with one of these roles (all staff roles when none are named), and API keys with one of `scopes`. */
export const Allow = (roles: readonly Role[] = ROLES, scopes: readonly Scope[] = []) =>
  SetMetadata(ACCESS, { roles, scopes } satisfies AccessRule);

/** The authenticated caller, set by the access guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});
