import { listOperations, type OperationName } from '../../shared/contract';

interface RestRoute {
  method: string;
  pattern: RegExp;
  params: string[];
  operation: OperationName;
}

const routes: RestRoute[] = listOperations().flatMap(({ name, operation }) => {
  if (!operation.http) return [];
  const params: string[] = [];
  const source = operation.http.path.replace(/:(\w+)/g, (_, param: string) => {
    params.push(param);
    return '([^/]+)';
  });
  return [{ method: operation.http.method, pattern: new RegExp(`^${source}$`), params, operation: name }];
});

/** Finds the operation behind a readable route such as `PATCH /users/:id`, with its path parameters. */
export function matchRestRoute(
  method: string,
  path: string,
): { operation: OperationName; params: Record<string, string> } | 'method-not-allowed' | null {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = Object.fromEntries(route.params.map((param, i) => [param, decodeURIComponent(match[i + 1])]));
    return { operation: route.operation, params };
  }
  return pathMatched ? 'method-not-allowed' : null;
}
