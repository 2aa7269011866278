import * as z from 'zod/mini';

/** The registry of named response schemas (lambdas/responses.ts) and the helpers its files share. */
export const RESPONSE_SCHEMAS = z.registry<{ id: string }>();

export function named<T extends z.ZodMiniType>(id: string, schema: T): T {
  RESPONSE_SCHEMAS.add(schema, { id });
  return schema;
}

export const instant = () => z.iso.datetime();
export const count = () => z.int();
