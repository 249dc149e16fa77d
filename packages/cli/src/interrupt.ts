/** Scratch resources (a schema, a temp dir, a child server) that must go also when the run is interrupted. */

/**
 * Runs `cleanup` on Ctrl-C or SIGTERM, then exits 130 or 143; the returned function removes the handlers
 * (call it once the normal path's own cleanup runs).
 * @example const release = cleanupOnInterrupt(dropScratch); try { … } finally { release(); await dropScratch(); }
 */
export function cleanupOnInterrupt(cleanup: () => Promise<unknown>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  };
}
