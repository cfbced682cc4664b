import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, openPage } from "./browser";
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
    /** A fresh context logged in as `username` (desktop unless a viewport is given), closed with the file. */
    async as(username: string, viewport?: { width: number; height: number }): Promise<Session> {
      if (!browser) throw new Error("fileBrowser().as() runs inside a test");
      const s = await session(browser, username, viewport);
      sessions.push(s);
      return s;
    },
    /** A fresh context with nobody logged in (the public pages), closed with the file. */
    async anonymous(): Promise<Session> {
      if (!browser) throw new Error("fileBrowser().anonymous() runs inside a test");
      const s = await openPage(browser);
      sessions.push(s);
      return s;
    },
  };
}
