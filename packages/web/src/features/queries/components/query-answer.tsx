import { Descriptions, Tag } from "antd";
import { useT } from "../../../i18n";
import type { QueryResult } from "../api/queries.api";

type Answer = QueryResult["answers"][number];

/** One unit of a query result, with exactly the fields the server disclosed. */
export function QueryAnswerView({ answer }: { answer: Answer }) {
  const t = useT();
  const flag = (on: boolean) =>
    on ? <Tag color="red">{t("queries.yes")}</Tag> : <Tag>{t("queries.no")}</Tag>;
  return (
    <Descriptions size="small" column={1} bordered title={answer.address} data-testid="query-answer">
      <Descriptions.Item label={t("queries.subject.unit")}>{answer.unitCode}</Descriptions.Item>
      {answer.natural ? (
        <Descriptions.Item label="面积 Area">{answer.natural.buildingArea ?? "—"} m²</Descriptions.Item>
      ) : null}
      {answer.flags ? (
        <Descriptions.Item label={t("queries.flags")}>
          {t("queries.flag.coOwned")} {flag(answer.flags.coOwned)} {t("queries.flag.mortgaged")}{" "}
          {flag(answer.flags.mortgaged)} {t("queries.flag.advanceNotice")} {flag(answer.flags.advanceNotice)}{" "}
          {t("queries.flag.objection")} {flag(answer.flags.objection)} {t("queries.flag.seized")}{" "}
          {flag(answer.flags.seized)}
        </Descriptions.Item>
      ) : null}
      {(answer.rights ?? []).map((r) => (
        <Descriptions.Item key={`${r.certificateNo}-${r.registeredAt}`} label={r.rightTypeName}>
          {r.certificateNo} · {t("queries.holders")}:{" "}
          {r.holders
            .map((h) => [h.name ?? t("queries.holderHidden"), h.idNumber, h.share].filter(Boolean).join(" "))
            .join("；")}
        </Descriptions.Item>
      ))}
      {(answer.restrictions ?? []).map((e) => (
        <Descriptions.Item key={`${e.kind}-${e.registeredAt}`} label={e.kindName}>
          {e.holderName} {e.documentNo ?? ""}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
