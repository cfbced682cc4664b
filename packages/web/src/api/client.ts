import { ApiError, apiErrorFrom, networkError } from "./api-error";

export { ApiError, errorMessageOf } from "./api-error";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RequestOptions = Readonly<{ body?: unknown; signal?: AbortSignal }>;

/**
 * Calls the server's JSON API on the same origin (the session is an HttpOnly cookie, sent by the
 * browser). Resolves with the parsed body (`undefined` for 204); rejects with an `ApiError`.
 */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // Only declare JSON when there is a body: an empty body declared as JSON is itself an error.
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  // The CSRF defence (docs/security.md): a state change carries the token the server set in a
  // readable cookie; a page of another site cannot read it.
  const csrf = method === "GET" ? undefined : csrfToken();
  if (csrf) headers["X-CSRF-Token"] = csrf;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw networkError(cause);
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) throw apiErrorFrom(response.status, body);
  if (body === undefined) throw apiErrorFrom(response.status, undefined);
  return body as T;
}

/** The CSRF token cookie (`yulin_csrf`) the server sets at login and at /api/auth/me. */
export function csrfToken(): string | undefined {
  if (typeof document === "undefined") return undefined;
  const match = /(?:^|;\s*)yulin_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("POST", path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("PUT", path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("PATCH", path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>("DELETE", path, options),
};

/** Fetches a file the API serves (a sealed PDF, an uploaded material) as a blob, errors as `ApiError`. */
export async function fetchFile(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin" });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw apiErrorFrom(response.status, await readJson(response));
  return response.blob();
}

/** Saves a file the API serves under `fileName` (the browser's download). */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const blob = await fetchFile(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
