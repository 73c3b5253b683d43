import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ACCESS, AccessRule } from '@crm/identity';
import { TestApp } from './test-app';

/** One route as Nest registered it: the rule it declares (undefined when none: closed), and its OpenAPI-style path. */
export interface AppRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** "/api/v1/customers/{id}", the form the OpenAPI document uses. */
  path: string;
  rule: AccessRule | undefined;
  handler: string;
}

const join = (...parts: string[]) => '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');

/**
 * Every route of the running application, read from Nest's own controller metadata — so a route added
 * tomorrow is in the list without anyone editing a test.
 */
export function appRoutes(t: TestApp, prefix = 'api/v1'): AppRoute[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  const routes: AppRoute[] = [];
  for (const c of discovery.getControllers()) {
    const proto = Object.getPrototypeOf(c.instance);
    const base = [Reflect.getMetadata(PATH_METADATA, c.metatype as object) ?? ''].flat() as string[];
    for (const name of scanner.getAllMethodNames(proto)) {
      const method = Reflect.getMetadata(METHOD_METADATA, proto[name]) as RequestMethod | undefined;
      if (method === undefined) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [proto[name], c.metatype as object]);
      for (const b of base) {
        for (const p of [Reflect.getMetadata(PATH_METADATA, proto[name]) ?? ''].flat() as string[]) {
          routes.push({
            method: RequestMethod[method] as AppRoute['method'],
            path: join(prefix, b, p).replace(/:(\w+)/g, '{$1}'),
            rule,
            handler: `${c.name}.${name}`,
          });
        }
      }
    }
  }
  return routes;
}

/** The roles a route admits (empty for public and key-only routes). */
export const rolesOf = (r: AppRoute): readonly string[] => (r.rule && 'roles' in r.rule ? r.rule.roles : []);
export const scopesOf = (r: AppRoute): readonly string[] => (r.rule && 'roles' in r.rule ? (r.rule.scopes ?? []) : []);
export const isPublic = (r: AppRoute) => !!r.rule && 'public' in r.rule;
