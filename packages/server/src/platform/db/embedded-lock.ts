import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no server: two processes on one data directory silently lose data
 * (ARCHITECTURE.md, "Facts"). The embedded database therefore holds `yulin.lock` with its pid;
 * a second live process is refused, a lock left by a dead process is taken over.
 */
export class DataDirLockedError extends Error {}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "yulin.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `数据目录 ${dataDir} 正被另一个 Yulin 进程 (pid ${holder}) 使用；嵌入式数据库只允许一个进程。\n` +
            `The data directory ${dataDir} is in use by another Yulin process (pid ${holder}). ` +
            "The embedded database allows one process only: stop it, or use PostgreSQL (DATABASE_URL).",
        );
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
