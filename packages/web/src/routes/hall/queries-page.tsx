import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  QUERENT_KIND_NAMES,
  QUERY_KIND_RULES,
  QUERY_PURPOSE_NAMES,
  QUERY_SCOPE_NAMES,
  type QuerentKind,
  type QueryPurpose,
  type QueryScope,
} from "@yulin/domain";
import { Alert, Button, Card, Input, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import {
  type AppliedQuery,
  applyQuery,
  downloadQueryResult,
  fetchMyQueries,
  fetchQueriesOfMine,
  queryKeys,
} from "../../features/queries/api/queries.api";
import { QueryAnswerView } from "../../features/queries/components/query-answer";
import { PageHeader } from "../../features/shell/components/page-header";
import { QueryError } from "../../features/shell/components/query-error";
import { useLanguage, useT } from "../../i18n";

const HALL_KINDS: QuerentKind[] = [
  "holder",
  "heir",
  "guardian",
  "administrator",
  "interested",
  "intent",
  "lawyer",
];
const SUBJECTS = ["address", "unit", "certificate", "person"] as const;

/** `/hall/queries`: 查询 — apply, read the answer, download the sealed result, my query log. */
export function QueriesPage() {
  const t = useT();
  const { language } = useLanguage();
  const name = (n: { zh: string; en: string }) => (language === "en" ? `${n.en} ${n.zh}` : `${n.zh} ${n.en}`);
  const client = useQueryClient();
  const [kind, setKind] = useState<QuerentKind>("intent");
  const [purpose, setPurpose] = useState<QueryPurpose>("sale");
  const [scope, setScope] = useState<QueryScope>("status");
  const [subjectKind, setSubjectKind] = useState<(typeof SUBJECTS)[number]>("address");
  const [subject, setSubject] = useState("");
  const [proof, setProof] = useState("");
  const rule = QUERY_KIND_RULES[kind];
  const apply = useMutation({
    mutationFn: () =>
      applyQuery({
        querentKind: kind,
        purpose,
        scope,
        subject: { kind: scope === "holdings" ? "person" : subjectKind, value: subject },
        proof: proof.split("\n").filter((l) => l.trim() !== ""),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ["queries"] }),
  });
  const mine = useQuery({ queryKey: queryKeys.mine, queryFn: ({ signal }) => fetchMyQueries(signal) });
  const ofMine = useQuery({
    queryKey: queryKeys.ofMine,
    queryFn: ({ signal }) => fetchQueriesOfMine(signal),
  });
  const chooseKind = (k: QuerentKind) => {
    setKind(k);
    setPurpose(QUERY_KIND_RULES[k].purposes[0]!);
    setScope(QUERY_KIND_RULES[k].scopes.includes("results") ? "results" : "status");
  };
  const answered: AppliedQuery | undefined = apply.data;
  return (
    <>
      <PageHeader title={t("page.hall.queries")} subtitle={t("queries.intro")} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card title={t("queries.apply")}>
          <Space direction="vertical" style={{ width: "100%", maxWidth: 560 }}>
            <div>
              {t("queries.querentKind")}
              <Select
                aria-label={t("queries.querentKind")}
                style={{ width: "100%" }}
                value={kind}
                onChange={chooseKind}
                options={HALL_KINDS.map((k) => ({ value: k, label: name(QUERENT_KIND_NAMES[k]) }))}
              />
            </div>
            <div>
              {t("queries.purpose")}
              <Select
                aria-label={t("queries.purpose")}
                style={{ width: "100%" }}
                value={purpose}
                onChange={setPurpose}
                options={rule.purposes.map((p) => ({ value: p, label: name(QUERY_PURPOSE_NAMES[p]) }))}
              />
            </div>
            <div>
              {t("queries.scope")}
              <Select
                aria-label={t("queries.scope")}
                style={{ width: "100%" }}
                value={scope}
                onChange={setScope}
                options={rule.scopes.map((s) => ({ value: s, label: name(QUERY_SCOPE_NAMES[s]) }))}
              />
            </div>
            {scope === "holdings" ? null : (
              <div>
                {t("queries.subjectKind")}
                <Select
                  aria-label={t("queries.subjectKind")}
                  style={{ width: "100%" }}
                  value={subjectKind}
                  onChange={setSubjectKind}
                  options={SUBJECTS.filter((s) => s !== "person").map((s) => ({
                    value: s,
                    label: t(`queries.subject.${s}`),
                  }))}
                />
              </div>
            )}
            <Input
              aria-label={t("queries.subject")}
              placeholder={t(
                scope === "holdings" ? "queries.subject.person" : `queries.subject.${subjectKind}`,
              )}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
            {rule.proof.length > 0 ? (
              <Input.TextArea
                aria-label={t("queries.proof")}
                placeholder={`${t("queries.proof")}: ${rule.proof.join("、")}`}
                value={proof}
                onChange={(e) => setProof(e.target.value)}
                rows={3}
              />
            ) : null}
            <Button type="primary" loading={apply.isPending} onClick={() => apply.mutate()}>
              {t("queries.submit")}
            </Button>
            {apply.isError ? <QueryError error={apply.error} /> : null}
          </Space>
        </Card>
        {answered ? <AnswerCard applied={answered} /> : null}
        <Card title={t("queries.mine")}>
          {mine.isError ? <QueryError error={mine.error} /> : null}
          <List
            loading={mine.isPending}
            dataSource={mine.data ?? []}
            locale={{ emptyText: t("queries.mine.none") }}
            data-testid="my-queries"
            renderItem={(q) => (
              <List.Item
                actions={
                  q.status === "answered"
                    ? [
                        <Button key="pdf" size="small" onClick={() => downloadQueryResult(q)}>
                          {t("queries.download")}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <StatusTag status={q.status} dueOn={q.dueOn} />
                      {q.subject}
                    </Space>
                  }
                  description={`${q.number} · ${purposeName(q.purpose)} · ${q.scope} · ${q.createdAt.slice(0, 16).replace("T", " ")}${
                    q.refusal ? ` · ${language === "en" ? q.refusal.message_en : q.refusal.message_zh}` : ""
                  }`}
                />
              </List.Item>
            )}
          />
        </Card>
        <Card title={t("queries.ofMine")}>
          {ofMine.isError ? <QueryError error={ofMine.error} /> : null}
          <List
            loading={ofMine.isPending}
            dataSource={ofMine.data ?? []}
            locale={{ emptyText: t("queries.ofMine.none") }}
            data-testid="queries-of-mine"
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta
                  title={`${e.querent} · ${purposeName(e.purpose)}`}
                  description={`${e.at.slice(0, 16).replace("T", " ")} · ${e.unitCode ?? ""} · ${t(
                    e.channel === "api" ? "queries.channel.api" : "queries.channel.hall",
                  )} · ${e.scope}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </>
  );
}

/** A purpose code in Chinese (API reads by institutions carry free text). */
function purposeName(purpose: string | null): string {
  if (!purpose) return "—";
  return QUERY_PURPOSE_NAMES[purpose as QueryPurpose]?.zh ?? purpose;
}

function StatusTag({ status, dueOn }: { status: string; dueOn: string | null }) {
  const t = useT();
  if (status === "answered") return <Tag color="green">{t("queries.answered")}</Tag>;
  if (status === "pending") return <Tag color="blue">{t("queries.pending", { due: dueOn ?? "" })}</Tag>;
  return <Tag color="red">{t("queries.refused")}</Tag>;
}

function AnswerCard({ applied }: { applied: AppliedQuery }) {
  const t = useT();
  if (applied.status === "pending")
    return <Alert type="info" showIcon title={t("queries.pending", { due: applied.dueOn ?? "" })} />;
  return (
    <Card
      title={`${t("queries.result")} · ${t("queries.number")} ${applied.number}`}
      data-testid="query-result"
      extra={
        <Space wrap>
          <Button type="primary" onClick={() => downloadQueryResult(applied)}>
            {t("queries.download")}
          </Button>
          {applied.verifyToken ? (
            <Link to={`/verify/query/${applied.verifyToken}`}>{t("queries.verify")}</Link>
          ) : null}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        {(applied.result?.answers ?? []).map((a) => (
          <QueryAnswerView key={a.unitCode} answer={a} />
        ))}
        {applied.result && applied.result.answers.length === 0 ? (
          <Typography.Text>经查询，未发现登记记载的不动产。No registered property found.</Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
