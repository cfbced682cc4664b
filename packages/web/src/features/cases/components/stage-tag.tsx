import { Tag } from "antd";
import { useT } from "../../../i18n";
import { type DeadlineState, deadlineState } from "../deadline";

const STAGE_COLORS: Record<string, string> = {
  draft: "default",
  submitted: "blue",
  accepted: "cyan",
  reviewed: "geekblue",
  registered: "purple",
  certified: "purple",
  issued: "green",
  archived: "green",
  correction: "orange",
  announcing: "gold",
  suspended: "orange",
  "not-accepted": "red",
  refused: "red",
  withdrawn: "default",
};

export function StageTag({ stage }: { stage: string }) {
  const t = useT();
  return (
    <Tag color={STAGE_COLORS[stage] ?? "default"} data-testid="case-stage" data-stage={stage}>
      {t(`case.stage.${stage}` as "case.stage.draft")}
    </Tag>
  );
}

const DEADLINE_COLORS: Record<DeadlineState, string> = {
  none: "default",
  done: "default",
  paused: "default",
  overdue: "red",
  "due-soon": "orange",
  "on-time": "green",
};

/** The promised deadline with an overdue / due-soon marker. */
export function DeadlineTag({
  deadline,
  today,
  paused,
  stage,
}: {
  deadline: string | null | undefined;
  today: string;
  paused?: boolean;
  stage?: string;
}) {
  const t = useT();
  const state = deadlineState(deadline, today, paused, stage);
  if (state === "none") return <span>—</span>;
  return (
    <Tag color={DEADLINE_COLORS[state]} data-testid="deadline" data-deadline={state}>
      {/* A finished case (an instant one too) shows 已办结, not the deadline it no longer has. */}
      {deadline && state !== "done" ? `${deadline} · ` : ""}
      {t(`case.deadline.${state}`)}
    </Tag>
  );
}
