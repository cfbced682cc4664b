import {
  HEADER_IDEMPOTENCY,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  signBody,
  verifyBody,
} from "./signed-message";

/** A failure the outbox may retry (network, timeout, 5xx, 408, 429) or not (other 4xx). */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** The department's answer is not signed by the key it registered: refused, never applied (retried). */
export const REPLY_SIGNATURE_INVALID = "INTEGRATION.REPLY_SIGNATURE_INVALID";

export type SignedClient = {
  post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T>;
  get<T>(path: string): Promise<T>;
};

/** Signed JSON over fetch to a department's base URL. */
export function createSignedClient(options: {
  baseUrl: string;
  privateKey: string;
  timeoutMs: number;
  now: () => Date;
  /**
   * The department's SM2 public key: when set, every answer must carry its signature over
   * timestamp ‖ body (the same headers as ours); one that does not verify is refused with
   * `INTEGRATION.REPLY_SIGNATURE_INVALID` (retryable: the request is kept, nothing is applied).
   */
  replyPublicKey?: string;
  replyMaxSkewMs?: number;
}): SignedClient {
  async function send<T>(method: "GET" | "POST", path: string, body: unknown, key?: string): Promise<T> {
    const raw = body === undefined ? "" : JSON.stringify(body);
    const { timestamp, signature } = signBody(raw, options.privateKey, options.now());
    const headers: Record<string, string> = {
      [HEADER_TIMESTAMP]: timestamp,
      [HEADER_SIGNATURE]: signature,
      accept: "application/json",
    };
    if (body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
    if (key) headers[HEADER_IDEMPOTENCY] = key;
    let response: Response;
    try {
      response = await fetch(new URL(path.replace(/^\//, ""), `${options.baseUrl.replace(/\/$/, "")}/`), {
        method,
        headers,
        body: body === undefined ? undefined : raw,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new ConnectorError(`${method} ${path}: ${(error as Error).message}`, true);
    }
    const text = await response.text();
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      throw new ConnectorError(
        `${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`,
        retryable,
        response.status,
      );
    }
    if (options.replyPublicKey) {
      const failure = verifyBody(
        {
          rawBody: text,
          timestamp: response.headers.get(HEADER_TIMESTAMP) ?? undefined,
          signature: response.headers.get(HEADER_SIGNATURE) ?? undefined,
        },
        options.replyPublicKey,
        options.now(),
        options.replyMaxSkewMs ?? 300_000,
      );
      if (failure)
        throw new ConnectorError(
          `${REPLY_SIGNATURE_INVALID}: ${method} ${path}: reply ${failure}`,
          true,
          response.status,
        );
    }
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new ConnectorError(`${method} ${path}: response is not JSON`, true, response.status);
    }
  }
  return {
    post: (path, body, key) => send("POST", path, body, key),
    get: (path) => send("GET", path, undefined),
  };
}
