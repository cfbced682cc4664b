import { err, type Finding, ok, type Result, type Severity } from "../result";

export const finding = (
  code: string,
  severity: Severity,
  message_zh: string,
  message_en: string,
  basis?: string,
): Finding =>
  basis ? { code, severity, message_zh, message_en, basis } : { code, severity, message_zh, message_en };

/**
 * Identifier parsers return every finding at once so a form can show them together: an error when
 * any finding blocks, otherwise the value with its warnings attached.
 */
export const settle = <T extends object>(
  findings: Finding[],
  value: () => T,
): Result<T & { findings: Finding[] }, Finding[]> =>
  findings.some((f) => f.severity === "block") ? err(findings) : ok({ ...value(), findings });
