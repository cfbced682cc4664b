/** How a case stands against its promised deadline (R23), for the markers in lists. */
export type DeadlineState = "none" | "done" | "paused" | "overdue" | "due-soon" | "on-time";

/** Stages after which the clock no longer matters (registered, or closed without registering). */
export const FINISHED_STAGES = [
  "registered",
  "certified",
  "issued",
  "archived",
  "not-accepted",
  "refused",
  "withdrawn",
];

const DAY = 86_400_000;

/** Calendar-day view of the server's working-day deadline: late after it, due soon within two days. */
export function deadlineState(
  deadline: string | null | undefined,
  today: string,
  paused = false,
  stage?: string,
): DeadlineState {
  if (stage && FINISHED_STAGES.includes(stage)) return "done";
  if (!deadline) return "none";
  if (paused) return "paused";
  const left = (Date.parse(deadline) - Date.parse(today)) / DAY;
  if (left < 0) return "overdue";
  if (left <= 2) return "due-soon";
  return "on-time";
}

/** Today in China (the registry's clock), as YYYY-MM-DD. */
export const chinaToday = (now = new Date()): string =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The stages each workbench inbox lists. */
export const INBOX_STAGES = {
  accept: ["submitted"],
  review: ["accepted", "announcing", "suspended", "correction"],
  record: ["reviewed"],
  prepare: ["registered"],
  issue: ["certified"],
  archive: ["issued"],
} as const;
export type InboxName = keyof typeof INBOX_STAGES;

/** The main line of stages shown as steps to applicants. */
export const MAIN_STAGES = [
  "draft",
  "submitted",
  "accepted",
  "reviewed",
  "registered",
  "certified",
  "issued",
  "archived",
] as const;

export const stageIndex = (stage: string): number => {
  const i = (MAIN_STAGES as readonly string[]).indexOf(stage);
  if (i >= 0) return i;
  if (stage === "correction") return 1;
  if (stage === "announcing" || stage === "suspended") return 2;
  return 0;
};

export const CLOSED_STAGES = ["not-accepted", "refused", "withdrawn"];
