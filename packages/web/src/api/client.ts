/**
 * Calls to the scamguard API from the browser. Errors come back as `ApiError` with the server's stable
 * `code` and message (the one error shape of contracts/errors.ts); a failed connection is
 * `ApiError("network")`, so pages can tell "the server said no" from "the server is not there".
 */
import type { ErrorResponse } from "@scamguard/contracts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The server could not be reached or failed (not the caller's input): worth a local fallback. */
  get unreachable(): boolean {
    return this.code === "network" || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export interface CallOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** An API key (reporter, analyst, institution), sent as a bearer token. */
  apiKey?: string | null;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", (error as Error).message || "network error");
  }
  const text = await response.text();
  const json = text === "" ? null : safeJson(text);
  if (!response.ok) {
    const body = json as ErrorResponse | null;
    throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? response.statusText);
  }
  return json as T;
}

/** A query string from defined values only: `query({ q: "jd", cursor: undefined })` → `?q=jd`. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
