/** Where the CLI's server commands (lookup, report, verify-call) send their requests. */
const DEFAULT_SERVER = "http://127.0.0.1:8787";

/**
 * The server named by --server, else $SCAMGUARD_SERVER, else the local default, without a trailing slash.
 * @example serverUrl("http://127.0.0.1:8787/") // "http://127.0.0.1:8787"
 */
export const serverUrl = (option: string | undefined): string => (option ?? process.env.SCAMGUARD_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, "");
