import type { Database } from "../platform/db/database";
import {
  clearThrottles,
  deleteStaleThrottles,
  findThrottles,
  recordFailures,
} from "./login-throttle.repository";

/**
 * Login throttling (docs/security.md). Failed logins are counted per key; past a key's free
 * failures each further attempt must wait a delay that doubles per failure up to the key's cap.
 * - `ip:<ip>`: every username tried from one address (password spraying).
 * - `user-ip:<username>@<ip>`: one username from one address (guessing one password).
 * - `user:<username>`: one username from everywhere (a distributed guess). Its cap is short, so an
 *   attacker can slow the owner down by seconds but never lock them out.
 * The keys name the username as typed, known or not: an unknown username is throttled exactly like
 * a real one, so the answers tell nothing about which usernames exist. A success clears the
 * username's keys; a key with no failure for a day is forgotten.
 */
export type ThrottlePolicy = Readonly<{
  /** Failures of one username from one address before delays start. */
  freeFailures: number;
  /** The longest delay for one address (and one username from it), in seconds. */
  maxDelaySeconds: number;
  /** The longest delay for a username across all addresses, in seconds. */
  accountMaxDelaySeconds: number;
}>;

type KeyRule = { free: number; capSeconds: number };

const FORGET_AFTER_MS = 24 * 3_600_000;

export function createLoginThrottle(db: Database, policy: ThrottlePolicy, now: () => Date) {
  const rules = (username: string, ip: string): Array<[string, KeyRule]> => {
    const user = username.toLowerCase();
    return [
      [`ip:${ip}`, { free: policy.freeFailures * 4, capSeconds: policy.maxDelaySeconds }],
      [`user-ip:${user}@${ip}`, { free: policy.freeFailures, capSeconds: policy.maxDelaySeconds }],
      [`user:${user}`, { free: policy.freeFailures * 4, capSeconds: policy.accountMaxDelaySeconds }],
    ];
  };

  /** Seconds until this username may be tried again from this address; 0 = now. */
  async function waitSeconds(username: string, ip: string): Promise<number> {
    const keyed = new Map(rules(username, ip));
    const rows = await findThrottles(db, [...keyed.keys()]);
    const at = now().getTime();
    let wait = 0;
    for (const row of rows) {
      const rule = keyed.get(row.key);
      if (!rule) continue;
      const until = row.last_failed_at.getTime() + delaySeconds(row.failures, rule) * 1000;
      wait = Math.max(wait, Math.ceil((until - at) / 1000));
    }
    return wait;
  }

  async function failed(username: string, ip: string): Promise<void> {
    await recordFailures(
      db,
      rules(username, ip).map(([key]) => key),
      now(),
    );
  }

  async function succeeded(username: string, ip: string): Promise<void> {
    const keys = rules(username, ip).map(([key]) => key);
    await clearThrottles(db, keys.slice(1));
    await deleteStaleThrottles(db, new Date(now().getTime() - FORGET_AFTER_MS));
  }

  return { waitSeconds, failed, succeeded };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** The delay after `failures` failures: none while free, then 1 s, 2 s, 4 s, … up to the cap. */
export function delaySeconds(failures: number, rule: KeyRule): number {
  const over = failures - rule.free;
  if (over <= 0) return 0;
  return Math.min(rule.capSeconds, 2 ** Math.min(over - 1, 30));
}
