/**
 * The ONE error handler: every failure leaves the server as `{error: {code, message, details?}}`
 * (ErrorResponseSchema). Input problems are 4xx naming the field; anything unknown is a generic 500
 * whose details go to the log only.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { type ErrorResponse, readableIssueMessage } from "@scamguard/contracts";
import { AppError, type ErrorDetail } from "../errors.js";
import { fieldHintOf } from "./validation.js";

/** Fastify's own errors that are the caller's fault, with the code and message we answer. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; message: (e: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "invalid_json", message: (e) => `body: malformed JSON (${e.message})` },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: "invalid_json", message: () => "body: empty, but Content-Type is application/json" },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "payload_too_large", message: () => "body: too large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: () => "Content-Type: expected application/json",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: "invalid_content_length", message: () => "Content-Length does not match the body" },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: "invalid_content_type", message: () => "Content-Type: malformed header" },
};

/** SQLSTATEs that only input can cause, from either engine. */
const POSTGRES_INPUT_ERRORS: Record<string, string> = {
  "22021": "text: contains a character the database cannot store (NUL)",
  "22P05": "text: contains a character the database cannot store (NUL)",
  "22001": "text: a value is longer than its field allows",
};

/** The SQLSTATE of a database error, also when drizzle wraps it (DrizzleQueryError.cause). */
function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function send(reply: FastifyReply, status: number, body: ErrorResponse): void {
  reply.status(status).type("application/json; charset=utf-8").send(body);
}

/** The value at a dotted path of the request part that failed validation; undefined when it is absent. */
function valueAt(request: FastifyRequest, where: string, path: string): unknown {
  const source: unknown = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[where];
  return path.split(".").reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), source);
}

/**
 * zod words a missing enum field like a wrong one ('Invalid option: expected one of "remote"|"user"'); a person
 * who left the field out needs to hear that it is required: 'required (one of "remote", "user")'.
 */
function missingEnumMessage(message: string): string | null {
  const options = /^Invalid option: expected one of (.+)$/.exec(message)?.[1];
  return options ? `required (one of ${options.split("|").join(", ")})` : null;
}

function validationDetails(error: FastifyError & { validationContext?: string }, request: FastifyRequest): ErrorDetail[] {
  const where = error.validationContext ?? "body";
  return (error.validation ?? []).flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
    const field = path === "" ? where : path;
    // Unknown fields (http/validation.ts): one detail per field, named by its full path.
    const unknownKeys = issue.keyword === "unrecognized_keys" ? (issue.params as { keys?: unknown }).keys : undefined;
    if (Array.isArray(unknownKeys)) {
      const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[where];
      return unknownKeys.map((key) => {
        const keyPath = path === "" ? String(key) : `${path}.${String(key)}`;
        const hint = fieldHintOf(schema, keyPath);
        return { path: keyPath, message: hint ? `unknown field: ${hint}` : "unknown field (not in the API schema)" };
      });
    }
    // Some schemas already name their field in the message ("text: at most 1 MiB"): don't say it twice.
    const raw = readableIssueMessage(issue.message ?? "invalid");
    const message = raw.startsWith(`${field}: `) ? raw.slice(field.length + 2) : raw;
    const missing = path !== "" && valueAt(request, where, path) === undefined ? missingEnumMessage(message) : null;
    return { path: field, message: missing ?? message };
  });
}

/** The error handler; misses (404/405, the web app's page fallback) are http/routing.ts's. */
export function installErrorHandling(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      send(reply, error.statusCode, { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
      return;
    }
    if (hasZodFastifySchemaValidationErrors(error) || (error.validation && error.validation.length > 0)) {
      const details = validationDetails(error as FastifyError, request);
      const message = details.map((d) => `${d.path}: ${d.message}`).join("; ");
      send(reply, 400, { error: { code: "validation_failed", message, details } });
      return;
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      const message = error.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? `body: larger than the limit of ${bodyLimitBytes} bytes` : known.message(error);
      send(reply, known.status, { error: { code: known.code, message } });
      return;
    }
    const sqlState = POSTGRES_INPUT_ERRORS[sqlStateOf(error) ?? ""];
    if (sqlState) {
      // Text the database cannot store (a NUL character, an over-long value) is the caller's input.
      send(reply, 400, { error: { code: "invalid_text", message: sqlState } });
      return;
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its schema");
    } else if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      // Another client error raised by Fastify or a plugin: its message is meant for the caller.
      send(reply, error.statusCode, { error: { code: (error.code ?? "bad_request").toLowerCase(), message: error.message } });
      return;
    } else {
      request.log.error({ err: error }, "unhandled error");
    }
    send(reply, 500, { error: { code: "internal", message: "internal server error" } });
  });
}
