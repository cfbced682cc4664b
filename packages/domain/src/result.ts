/** A business outcome: either a value or the findings that stop it. Only programmer errors throw. */
export type Result<T, E = Finding[]> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export type Severity = "block" | "warn" | "info";

/** A rule's verdict on a case or an input, shown to applicants and staff. */
export type Finding = {
  /** Stable code, e.g. `ID.CHECKSUM` or a rule id such as `R7`. */
  code: string;
  severity: Severity;
  message_zh: string;
  message_en: string;
  /** Legal or standard basis, e.g. `GB 11643-1999 §5` or `民法典 第221条`. */
  basis?: string;
};

/** The end of an exhaustive switch: a new member of the union fails to compile until handled. */
export const assertNever = (value: never): never => {
  throw new TypeError(`unhandled case: ${String(value)}`);
};
