/** A progress bar on stderr (cli-progress), silent when quiet or when stderr is not a terminal and CI is set. */
import cliProgress from "cli-progress";

/** Minimal handle the training loop drives. */
export interface Progress {
  start(label: string, total: number): void;
  tick(n?: number): void;
  stop(): void;
}

/**
 * @example const p = createProgress(false); p.start("fit", 100); p.tick(); p.stop();
 */
export function createProgress(quiet: boolean): Progress {
  if (quiet) return { start() {}, tick() {}, stop() {} };
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { format: `${label.padEnd(22)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, hideCursor: false, fps: 5 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    tick(n = 1) {
      bar?.increment(n);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
