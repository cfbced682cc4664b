#!/usr/bin/env node
// `npm start`: builds the web app when its sources changed since the last build, then runs the
// server (API + built web UI on one port) on the embedded database unless DATABASE_URL is set.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "packages/web");
const builtIndex = path.join(web, "dist/index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [
  path.join(web, "src"),
  path.join(web, "index.html"),
  path.join(web, "vite.config.ts"),
  path.join(root, "packages/domain/src"),
];
const sourceTime = Math.max(
  ...sources.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)),
);
if (!fs.existsSync(builtIndex) || fs.statSync(builtIndex).mtimeMs < sourceTime) {
  console.log("构建网页… Building the web app…");
  const build = spawnSync("npm", ["run", "build", "-w", "@yulin/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", "packages/server/src/entrypoints/api.ts"], {
  cwd: root,
  stdio: "inherit",
});
// Ctrl-C (SIGINT to the whole process group) and SIGTERM (to npm, which forwards it here) stop the
// server: it closes the database and the workers itself; one that has not exited within 15 s, or a
// second signal, is killed. This process exits only once the server has, so the port is free then.
let stopping = false;
const stop = (signal) => {
  if (stopping) {
    server.kill("SIGKILL");
    return;
  }
  stopping = true;
  server.kill(signal);
  setTimeout(() => server.kill("SIGKILL"), 15_000).unref();
};
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
// npm does not wait for its script on SIGTERM: it exits and its `sh -c` dies with it, so the signal
// never reaches this process. A changed parent (re-parented to init) means whoever started us is
// gone: stop as on SIGTERM.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop("SIGTERM");
}, 500).unref();
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
