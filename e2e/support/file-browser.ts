import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { type Session, session } from "./journey";

/**
 * One Chromium for the test file, launched before its tests and closed after them with every
 * session it opened: `const browser = fileBrowser(); … await browser.as("chancheng.admin")`.
 */
export function fileBrowser() {
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
  });
  return {
    sessions,
    /** A fresh context logged in as `username`, closed with the file. */
    async as(username: string): Promise<Session> {
      if (!browser) throw new Error("fileBrowser().as() runs inside a test");
      const s = await session(browser, username);
      sessions.push(s);
      return s;
    },
  };
}
