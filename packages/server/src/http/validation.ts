/**
 * THE input validation policy, applied to every route by the validator compiler (no route opts in):
 *
 * - **Unknown fields are rejected** in bodies and query strings, at every depth: 400
 *   `validation_failed` naming the field (`body.foo`, `payee.nickname`). A typo'd optional field
 *   (`payeeKnwon`) would otherwise be dropped silently and change the decision without a word.
 *   Contracts keep plain `z.object`s (clients may parse answers leniently); strictness is added here,
 *   on the request side only. A schema that means to accept anything (`z.record`, `.catchall()`,
 *   `.passthrough()`/`z.looseObject`) keeps doing so.
 * - **An absent body is an empty object**: `POST /v1/conversations` with no body and all fields
 *   optional is accepted; a route with required fields answers which ones are missing.
 *
 * Bodies are JSON only (app.ts: 415 otherwise), sizes are bytes (BODY_LIMIT_BYTES; string limits in
 * contracts that say "bytes" count UTF-8 bytes).
 */
import type { FastifyInstance, FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } }; clone(def?: unknown): z.ZodType };

const strictCache = new WeakMap<object, z.ZodType>();

/** A copy of `schema` in which every object without an explicit catch-all rejects unknown keys. */
export function strictInput<T extends z.ZodType>(schema: T): T {
  const cached = strictCache.get(schema);
  if (cached) return cached as T;
  const result = makeStrict(schema as unknown as AnySchema) as unknown as T;
  strictCache.set(schema, result);
  return result;
}

function makeStrict(schema: AnySchema): z.ZodType {
  const def = schema._zod?.def;
  if (!def) return schema;
  const s = (inner: unknown) => strictInput(inner as z.ZodType);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      const strictShape = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, s(value)]));
      return schema.clone({ ...def, shape: strictShape, catchall: def.catchall ?? z.never() });
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return schema.clone({ ...def, innerType: s(def.innerType) });
    case "array":
      return schema.clone({ ...def, element: s(def.element) });
    case "union":
      return schema.clone({ ...def, options: (def.options as z.ZodType[]).map(s) });
    case "intersection":
      // Each side alone would reject the other's keys: leave intersections as declared.
      return schema;
    case "pipe":
      return schema.clone({ ...def, in: s(def.in) });
    case "tuple":
      return schema.clone({ ...def, items: (def.items as z.ZodType[]).map(s), rest: def.rest ? s(def.rest) : def.rest });
    case "lazy":
      return schema;
    default:
      return schema;
  }
}

/**
 * A hand-written check for a hot schema: answers the parsed value for input the strict schema surely
 * accepts, with exactly its output, or `undefined` for anything else, which zod then judges (and words
 * the error of). Only for bodies whose size makes zod's per-item walk the cost (batch lookup: 1,000 items).
 */
export type FastCheck = (data: unknown) => unknown;
const fastChecks = new WeakMap<object, FastCheck>();

/** Registers `check` as the fast path of `schema` (as the route declares it). */
export function withFastCheck<T extends z.ZodType>(schema: T, check: FastCheck): T {
  fastChecks.set(schema, check);
  return schema;
}

/**
 * What to say about a field a client sends under another name than the contract's (`story` for a report's
 * `text`), by its dotted path: the 400 for the unknown field then names the right one.
 */
export type FieldHints = Readonly<Record<string, string>>;
const fieldHints = new WeakMap<object, FieldHints>();

/** Registers `hints` for `schema` (as the route declares it); the error handler words unknown fields with them. */
export function withFieldHints<T extends z.ZodType>(schema: T, hints: FieldHints): T {
  fieldHints.set(schema, hints);
  return schema;
}

/** The hint for an unknown field at `path` of a route's declared schema, if one was registered. */
export function fieldHintOf(schema: unknown, path: string): string | undefined {
  return schema !== null && typeof schema === "object" ? fieldHints.get(schema)?.[path] : undefined;
}

/** The app's validator compiler: fastify-type-provider-zod's, with the policy above applied. */
export const policyValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const { httpPart } = route;
  let schema = route.schema;
  const fast = fastChecks.get(schema);
  if (httpPart === "body" || httpPart === "querystring") schema = strictInput(schema);
  const validate = validatorCompiler({ ...route, schema });
  if (!fast) return validate;
  return (data: unknown) => {
    const value = fast(data);
    return value === undefined ? validate(data) : { value };
  };
};

/**
 * A request that carries no body at all (no Content-Length, no Transfer-Encoding) to a route with a
 * body schema is validated as `{}` (see the policy above). An explicit JSON `null` is still refused.
 */
export function installAbsentBodyAsEmpty(app: FastifyInstance): void {
  // A callback hook, not an async one: no promise per request.
  app.addHook("preValidation", (request, _reply, done) => {
    const headers = request.headers;
    if ((request.body === undefined || request.body === null) && headers["content-length"] === undefined && headers["transfer-encoding"] === undefined) {
      if (request.routeOptions.schema?.body) request.body = {};
    }
    done();
  });
}
