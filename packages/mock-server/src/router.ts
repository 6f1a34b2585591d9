/** Matches a request to a generated route: the path under `basePath`, then the method. */
import { basePath, routes, type Route } from './generated/routes.ts';

export type RouteMatch =
  | { kind: 'matched'; route: Route; pathValues: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

/** `{name}` segments capture, the others must equal. */
function matchPath(template: string, path: string): Record<string, string> | undefined {
  const expected = template.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return undefined;
  const values: Record<string, string> = {};
  for (const [i, segment] of expected.entries()) {
    const given = actual[i]!;
    const placeholder = /^\{(.+)\}$/.exec(segment);
    if (placeholder) {
      if (given === '') return undefined;
      try {
        values[placeholder[1]!] = decodeURIComponent(given);
      } catch {
        return undefined; // malformed percent-encoding names nothing
      }
    } else if (segment !== given) {
      return undefined;
    }
  }
  return values;
}

export function matchRoute(method: string, pathname: string): RouteMatch {
  if (!pathname.startsWith(`${basePath}/`)) return { kind: 'not-found' };
  const path = pathname.slice(basePath.length).replace(/\/+$/, '');
  const allow: string[] = [];
  for (const route of routes) {
    const pathValues = matchPath(route.path, path);
    if (!pathValues) continue;
    if (route.method === method) return { kind: 'matched', route, pathValues };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}
