/**
 * @scamguard/stream: call-detail-record analytics. CDRs (CSV / JSON Lines, a file or a JetStream subject)
 * → 24 h windows of per-caller counters and sketches (in process, or shared in Redis) → explainable
 * `scam_like` / `harassing` flags. Pure of server code: the CLI hands flags to the reputation store.
 */
export { ingestCdrStream, type IngestOptions, type IngestSummary } from "./source/ingest-stream.js";
export { LocalEngine, type EngineOptions, type WindowSummary } from "./engine/local-engine.js";
export { detectWindow, type DetectOptions } from "./detectors/detect-window.js";
export { generateDay, type GenerateOptions, type GeneratedDay, type DayTruth } from "./gen/generate-day.js";
export { writeDay, type CdrFormat, type TimeFormat } from "./gen/write-day.js";
export { scoreFlags, type FlagScore } from "./gen/score-flags.js";
