import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../local/openapi';

/**
 * Checks answers against the OpenAPI document (docs/openapi.json, which a
 * test keeps equal to `openApiDocument()`): the status must be one the route
 * documents, and the body must match that response's schema — success bodies
 * from lambdas/responses.ts (strict: an undocumented field is a violation),
 * errors with the codes of their status. Every HTTP test on the fakes checks
 * its answers through it (test/support/harness.ts `call`), and so does the walk
 * of every route on the emulators (test/integration/round-trips.test.ts).
 */

// biome-ignore lint/suspicious/noExplicitAny: the document is JSON read by shape
type Json = any;

const document: Json = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi.json', components: document.components, paths: document.paths });

const compiled = new Map<string, ValidateFunction | 'no body' | undefined>();

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function validatorFor(
  method: string,
  path: string,
  status: number,
): ValidateFunction | 'no body' | undefined {
  const key = `${method} ${path} ${status}`;
  if (compiled.has(key)) return compiled.get(key);
  const operation = document.paths[path]?.[method.toLowerCase()];
  let response = operation?.responses?.[String(status)];
  let at = pointer('paths', path, method.toLowerCase(), 'responses', String(status));
  if (response?.$ref) {
    at = String(response.$ref).slice(2);
    response = document.components.responses[String(response.$ref).split('/').pop() as string];
  }
  const validator =
    response === undefined
      ? undefined
      : response.content
        ? ajv.compile({ $ref: `openapi.json#/${at}/content/${pointer('application/json')}/schema` })
        : 'no body';
  compiled.set(key, validator);
  return validator;
}

/** What is wrong with an answer of `route` (e.g. `POST /auth/login`) by the document; none when it conforms. */
export function responseViolations(route: string, status: number, body: unknown): string[] {
  const [method = '', path = ''] = route.split(' ');
  if (!document.paths[path]?.[method.toLowerCase()]) return [`${route} is not in the OpenAPI document`];
  const validator = validatorFor(method, path, status);
  if (validator === undefined) return [`${route} does not document status ${status}`];
  if (validator === 'no body') return body === undefined ? [] : [`${route} ${status} documents no body`];
  if (validator(body)) return [];
  return (validator.errors ?? []).map(
    (e) =>
      `${route} ${status}: ${e.instancePath || 'body'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

/** The documented route (`METHOD /template/{param}`) a concrete request path falls on. */
export function routeOf(method: string, url: string): string {
  const path = url.split('?')[0] ?? '';
  const templates = Object.keys(document.paths).filter((t) => document.paths[t][method.toLowerCase()]);
  const matches = (t: string) => new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}$`).test(path);
  // A literal segment wins over a parameter (`/admin/users/{userId}/password` before `/{action}`).
  const template = templates.filter(matches).sort((a, b) => a.split('{').length - b.split('{').length)[0];
  return `${method} ${template ?? path}`;
}

/** Throws, naming each violation, when an answer does not conform to the document. */
export function expectDocumented(route: string, status: number, body: unknown): void {
  const violations = responseViolations(route, status, body);
  if (violations.length > 0)
    throw new Error(`Answer not as docs/openapi.json documents it:\n  ${violations.join('\n  ')}`);
}
