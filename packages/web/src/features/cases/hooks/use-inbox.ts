import { useMemo } from "react";
import { INBOX_STAGES, type InboxName } from "../deadline";
import { useCaseList } from "./use-cases";

/**
 * A workbench inbox: 待受理 lists what any office may accept (全市通办), the later stages list the
 * cases of the member of staff's own offices; overdue cases first, then by deadline.
 */
export function useInbox(inbox: InboxName) {
  const stages = INBOX_STAGES[inbox];
  const query = useCaseList(inbox === "accept" ? { queue: "accepting" } : { stages });
  const cases = useMemo(
    () =>
      (query.data ?? [])
        .filter((c) => (stages as readonly string[]).includes(c.stage))
        .sort((a, b) => (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999")),
    [query.data, stages],
  );
  return { cases, query };
}
