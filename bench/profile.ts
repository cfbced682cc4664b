// CPU profile of this process through the inspector (what `node --cpu-prof` writes), and its top
// self-time frames. The instant benchmark hosts the API server in its own process, so the profile
// is the API process's; the HTTP clients (undici `fetch`) share it and show up as node:internal
// frames, which `topSelfFrames` lists like any other.

import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number };
export type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};

export type Frame = { frame: string; selfMs: number; share: number };

export async function startProfile(): Promise<() => Promise<CpuProfile>> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  // 1 ms sampling (node --cpu-prof's default is 1 ms as well).
  await session.post("Profiler.setSamplingInterval", { interval: 1000 });
  await session.post("Profiler.start");
  return async () => {
    const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
    await session.post("Profiler.disable");
    session.disconnect();
    return profile;
  };
}

const label = ({ functionName, url, lineNumber }: CallFrame): string => {
  const name = functionName || "(anonymous)";
  if (!url) return name;
  const file = url.replace(/^file:\/\//, "");
  const short = file.includes("node_modules/")
    ? file.slice(file.lastIndexOf("node_modules/") + "node_modules/".length)
    : path.relative(process.cwd(), file);
  return `${name} ${short}:${lineNumber + 1}`;
};

/**
 * Self time per frame (a function at one source position), largest first. Shares are of all
 * sampled time, `(idle)` included; `(idle)` itself is left out of the list and reported apart.
 */
export function topSelfFrames(profile: CpuProfile, count = 5): { frames: Frame[]; idleShare: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    // The delta before sample i+1 is the time spent in sample i.
    const us = Math.max(0, deltas[i + 1] ?? 0);
    if (!node) continue;
    const key = label(node.callFrame);
    selfUs.set(key, (selfUs.get(key) ?? 0) + us);
    total += us;
  }
  const idle = selfUs.get("(idle)") ?? 0;
  const frames = [...selfUs.entries()]
    .filter(([frame]) => frame !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, us]) => ({ frame, selfMs: us / 1000, share: total ? us / total : 0 }));
  return { frames, idleShare: total ? idle / total : 0 };
}

/** Writes the profile where Chrome DevTools or speedscope can open it; returns the path. */
export function saveProfile(profile: CpuProfile, name: string): string {
  const dir = path.join(process.cwd(), "bench", "profiles");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return file;
}

export function printTopFrames(title: string, profile: CpuProfile): void {
  const { frames, idleShare } = topSelfFrames(profile);
  console.log(`\n${title}: top self-time frames (idle ${(idleShare * 100).toFixed(1)} % of samples)`);
  console.table(
    frames.map((f) => ({
      frame: f.frame,
      "self ms": Number(f.selfMs.toFixed(0)),
      "% of samples": Number((f.share * 100).toFixed(1)),
    })),
  );
}
