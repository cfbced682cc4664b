import { type Language, translate } from "../i18n/dictionaries";
import type { ErrorBody } from "./types";

/** Codes the client itself uses when the server's answer is not an error body. */
export const clientErrorCodes = {
  network: "CLIENT.NETWORK",
  unexpected: "CLIENT.UNEXPECTED_RESPONSE",
} as const;

/** A failed API call, carrying the server's stable code and both messages. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(status: number, body: ErrorBody) {
    super(`${body.code}: ${body.message_en}`);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message_zh;
    this.messageEn = body.message_en;
    this.details = body.details;
  }

  /** The message to show a user reading `language`. */
  messageIn(language: Language): string {
    return language === "zh-CN" ? this.messageZh : this.messageEn;
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.message_zh === "string" && typeof v.message_en === "string";
}

/** Turns any failed response into an `ApiError`, whether or not the server sent an error body. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, { ...body, details: body.details ?? null });
  return new ApiError(status, {
    code: clientErrorCodes.unexpected,
    message_zh: translate("zh-CN", "error.unexpected", { status }),
    message_en: translate("en", "error.unexpected", { status }),
    details: null,
  });
}

export function networkError(cause: unknown): ApiError {
  return new ApiError(0, {
    code: clientErrorCodes.network,
    message_zh: translate("zh-CN", "error.network"),
    message_en: translate("en", "error.network"),
    details: cause instanceof Error ? cause.message : null,
  });
}

/** The message for any error caught from a query or mutation. */
export function errorMessageOf(error: unknown, language: Language): string {
  if (error instanceof ApiError) return error.messageIn(language);
  return networkError(error).messageIn(language);
}
