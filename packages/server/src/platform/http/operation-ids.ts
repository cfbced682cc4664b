/**
 * Stable, verb-first operation ids derived from the method and the path, so a new route gets a
 * name without anyone choosing one (a route may still set `schema.operationId`). The name only
 * changes when the path or method does, which is a breaking change anyway.
 *
 *   GET  /api/cases                        → listCases
 *   GET  /api/cases/{id}                   → getCase
 *   GET  /api/cases/{id}/timeline          → getCaseTimeline
 *   POST /api/cases                        → createCase
 *   POST /api/cases/{id}/submit            → submitCase
 *   POST /api/offices/{code}/staff/{id}/reset-password → resetOfficeStaffPassword
 *   PUT  /api/institution/connection       → updateInstitutionConnection
 *   DELETE /api/institution/tokens/{id}    → deleteInstitutionToken
 */

/** Verbs a POST's last path segment may start with; it then leads the name (POST …/submit). */
const ACTION_VERBS = new Set(
  (
    "accept approve archive cancel certify confirm contest decide end fetch import issue lock login " +
    "logout pay print quote refuse register reject replace replay request reset resume retry review " +
    "revoke rotate search send sign start submit suspend unlock verify void withdraw witness"
  ).split(" "),
);

/** Verbs an operation id may start with (the document test checks every id against this list). */
export const OPERATION_VERBS: ReadonlySet<string> = new Set([
  ...ACTION_VERBS,
  "get",
  "list",
  "create",
  "update",
  "delete",
  "record",
]);

const words = (segment: string) => segment.split(/[-_.]/).filter(Boolean);
const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A collection's member: cases → case, queries → query, heads → head; staff stays staff. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|staff)$/.test(word)) return word;
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

type Segment = { literal: string[] } | { param: string };

function segmentsOf(path: string): Segment[] {
  return path
    .replace(/^\/api\/(v\d+\/)?/, "")
    .split("/")
    .filter(Boolean)
    .map((s) => (/^[{:]/.test(s) ? { param: s.replace(/[{}:]/g, "") } : { literal: words(s) }));
}

/** The nouns of a path; a collection followed by a parameter names one member (cases/{id} → case). */
function nounsOf(segments: Segment[]): string[] {
  const nouns: string[] = [];
  segments.forEach((segment, i) => {
    if (!("literal" in segment)) return;
    const next = segments[i + 1];
    const parts = [...segment.literal];
    if (next && "param" in next) parts[parts.length - 1] = singular(parts.at(-1) ?? "");
    nouns.push(...parts);
  });
  return nouns;
}

export function deriveOperationId(method: string, path: string): string {
  const segments = segmentsOf(path);
  const last = segments.at(-1);
  const endsOnParam = !last || "param" in last;
  const nouns = nounsOf(segments);
  const verb = method.toLowerCase();
  let lead: string;
  let rest = nouns;
  if (verb === "get") lead = !endsOnParam && /[^su]s$/.test(nouns.at(-1) ?? "") ? "list" : "get";
  else if (verb === "delete") lead = "delete";
  else if (verb === "put" || verb === "patch") lead = "update";
  else if (endsOnParam) lead = "update";
  else {
    const action = last && "literal" in last ? last.literal : [];
    if (action[0] && ACTION_VERBS.has(action[0])) {
      lead = action[0];
      rest = [...nouns.slice(0, nouns.length - action.length), ...action.slice(1)];
    } else {
      lead = "create";
      rest = [...nouns.slice(0, -1), singular(nouns.at(-1) ?? "")];
    }
  }
  return lead + rest.map(pascal).join("");
}
