/**
 * The live call assistant, for a person's own app: no key needed (anonymous, under the per-IP rate
 * limit); the unguessable conversation id is the only credential, and nothing said is stored.
 * `POST /v1/conversations` → id; `POST /v1/conversations/:id/utterances` → stage, risk and new alerts;
 * `GET /v1/conversations/:id/events` → server-sent events, one `alert` event per alert as it is raised
 * (earlier alerts first; `Last-Event-ID` resumes after the alert seq it names).
 */
import {
  ConversationParamsSchema,
  CreateConversationRequestSchema,
  CreateConversationResponseSchema,
  ErrorResponseSchema,
  UtteranceRequestSchema,
  UtteranceResponseSchema,
} from "@scamguard/contracts";
import type { ServerResponse } from "node:http";
import { addConversationUtterance } from "../commands/converse.js";
import type { RouteModule } from "./route-module.js";

const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema, 429: ErrorResponseSchema };
/** A comment line every so often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export const conversationRoutes: RouteModule = (app, ctx) => {
  const streams = new Set<ServerResponse>();
  // Live streams never go idle: end them first, or closing the app would wait on them forever.
  app.addHook("preClose", async () => {
    for (const raw of streams) raw.destroy();
  });

  app.post(
    "/v1/conversations",
    {
      schema: {
        tags: ["conversations"],
        summary: "Start a live call analysis; the id answered is the only credential",
        body: CreateConversationRequestSchema.optional(),
        response: { 201: CreateConversationResponseSchema, ...errors, 503: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const contact = body?.toHash && body.from ? { toHash: body.toHash, from: body.from, channel: body.channel ?? "phone" } : undefined;
      const { id, lang } = ctx.services.conversations.create(body?.lang, contact);
      return reply.status(201).send({ id, lang, eventsUrl: `/v1/conversations/${id}/events` });
    },
  );

  app.post(
    "/v1/conversations/:id/utterances",
    {
      schema: {
        tags: ["conversations"],
        summary: "Add what was just said; answers the stage and risk so far and any alert it raised",
        params: ConversationParamsSchema,
        body: UtteranceRequestSchema,
        response: { 200: UtteranceResponseSchema, ...errors, 409: ErrorResponseSchema },
      },
    },
    async (request) => addConversationUtterance(ctx.services, request.params.id, request.body),
  );

  app.get(
    "/v1/conversations/:id/events",
    {
      schema: {
        tags: ["conversations"],
        summary: "Server-sent events: `alert` events as the call turns dangerous",
        params: ConversationParamsSchema,
        response: { 404: ErrorResponseSchema, 400: ErrorResponseSchema, 429: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const lastId = Number(request.headers["last-event-id"] ?? 0);
      const raw = reply.raw;
      const send = (alert: { seq: number }) => raw.write(`id: ${alert.seq}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
      const { backlog, unsubscribe } = ctx.services.conversations.subscribe(request.params.id, Number.isInteger(lastId) ? lastId : 0, send);
      reply.hijack();
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      raw.write(": connected\n\n");
      for (const alert of backlog) send(alert);
      streams.add(raw);
      const heartbeat = setInterval(() => raw.write(": ping\n\n"), HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(raw);
        if (!raw.writableEnded) raw.end();
      };
      request.raw.on("close", stop);
      raw.on("close", stop);
    },
  );
};
