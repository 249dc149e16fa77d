/**
 * `classify` must stream in bounded memory: pipe N generated lines (default 300k; BENCH_LINES=1000000 for
 * the full million) through the real binary and sample its resident memory as it goes. Flat RSS = bounded.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printTable } from "./stats.js";

const CLI = fileURLToPath(new URL("../../bin/scamguard.js", import.meta.url));
const SAMPLE = [
  "您好，我是京东客服，您的学生账户需要注销，否则影响征信，请下载会议软件共享屏幕",
  "Your parcel is out for delivery today between 2pm and 5pm.",
  "【工商银行】我行不会以任何理由索要您的验证码，请勿泄露。",
];

export async function run(): Promise<void> {
  const total = Number(process.env.BENCH_LINES ?? 300_000);
  const child = spawn(process.execPath, [CLI, "classify"], { stdio: ["pipe", "pipe", "inherit"] });
  const samples: [number, number][] = [];
  let outLines = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) outLines++;
  });
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      samples.push([outLines, rss]);
    } catch {
      /* the process has exited */
    }
  }, 50);
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const line = `${JSON.stringify({ id: i, text: SAMPLE[i % SAMPLE.length] })}\n`;
    if (!child.stdin.write(line)) await new Promise((r) => child.stdin.once("drain", r));
  }
  child.stdin.end();
  await new Promise((r) => child.on("close", r));
  clearInterval(timer);
  const seconds = (Date.now() - started) / 1000;
  const at = (fraction: number) => samples.find(([n]) => n >= total * fraction) ?? samples[samples.length - 1] ?? [0, 0];
  printTable(`classify: ${total.toLocaleString("en-US")} lines through the real binary in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} lines/s)`, ["progress", "lines out", "RSS MiB"], [
    ["10%", at(0.1)[0], at(0.1)[1]],
    ["50%", at(0.5)[0], at(0.5)[1]],
    ["100%", at(1)[0], at(1)[1]],
    ["max", outLines, Math.max(...samples.map(([, r]) => r))],
  ]);
}
