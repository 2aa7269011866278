/** A synthesized template's resources, as far as dependencies go. */
type Resources = Record<
  string,
  { DependsOn?: string | string[]; Properties?: unknown; [key: string]: unknown }
>;

/** The logical ids a value refers to: `Ref` and `Fn::GetAtt` (also inside `Fn::Sub` strings). */
function referencesIn(value: unknown, ids: Set<string>, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, ids, out);
    return;
  }
  if (typeof value === 'string') {
    for (const [, id] of value.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z.]+)?\}/g))
      if (id && ids.has(id)) out.add(id);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string' && ids.has(inner)) out.add(inner);
    else if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner) ? inner[0] : String(inner).split('.')[0];
      if (typeof target === 'string' && ids.has(target)) out.add(target);
    } else referencesIn(inner, ids, out);
  }
}

/** Each resource's dependencies: `DependsOn`, `Ref` and `Fn::GetAtt` to other resources. */
export function dependencyGraph(resources: Resources): Map<string, Set<string>> {
  const ids = new Set(Object.keys(resources));
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(resources)) {
    const edges = new Set<string>([resource.DependsOn ?? []].flat());
    const { DependsOn: _ignored, ...rest } = resource;
    referencesIn(rest, ids, edges);
    edges.delete(id);
    graph.set(id, edges);
  }
  return graph;
}

/** Every dependency cycle of the template, each as the path that closes it (empty: deployable order exists). */
export function dependencyCycles(resources: Resources): string[][] {
  const graph = dependencyGraph(resources);
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of graph.get(id) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of graph.keys()) if (!state.has(id)) visit(id);
  return cycles;
}
