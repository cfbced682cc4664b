import { afterAll, beforeAll } from "vitest";
import { startTestEnv, type TestEnv } from "../support/test-services";

/**
 * What the certificate lifecycle tests (verification, replacement, printing) share: a server per
 * test file, and the public QR verification call.
 */
export let env: TestEnv;

/** Starts the file's server (once, before its tests) and closes it after them. */
export function startCertificateServer() {
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(() => env.close());
}

export const tokenOf = (verifyUrl: string) => verifyUrl.split("/verify/")[1]!;
export const verify = (token: string) => env.app.inject({ url: `/api/certificates/verify/${token}` });
