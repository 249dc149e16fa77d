/** Where the CLI's server commands (lookup, report, verify-call) send their requests. */
const DEFAULT_SERVER = "http://127.0.0.1:8787";

/**
 * The server named by --server, else $SCAMGUARD_SERVER, else the local default, without a trailing slash.
 * @example serverUrl("http://127.0.0.1:8787/") // "http://127.0.0.1:8787"
 */
export const serverUrl = (option: string | undefined): string => (option ?? process.env.SCAMGUARD_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, "");

/**
 * What to say when the server does not answer, in the person's language: which server, why, and how to start one.
 * @example unreachable("http://127.0.0.1:8787", "fetch failed", "zh") // "无法连接 http://127.0.0.1:8787（fetch failed）：…"
 */
export function unreachable(server: string, why: string, lang: "zh" | "en"): string {
  return lang === "zh"
    ? `无法连接 ${server}（${why}）：用 \`npm start\` 启动服务，或用 --server 网址 指定另一个`
    : `cannot reach ${server} (${why}): start one with \`npm start\`, or name another with --server URL`;
}
