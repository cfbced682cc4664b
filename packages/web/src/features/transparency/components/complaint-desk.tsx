import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Flex, Input, Table, Tag } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import {
  answerComplaint,
  fetchClaims,
  fetchStaffComplaints,
  type StaffComplaint,
} from "../api/transparency.api";

function AnswerBox({ c }: { c: StaffComplaint }) {
  const t = useT();
  const client = useQueryClient();
  const [text, setText] = useState("");
  const answer = useMutation({
    mutationFn: () => answerComplaint(c.trackingNo, text),
    onSuccess: () => client.invalidateQueries({ queryKey: ["complaints", "staff"] }),
  });
  if (c.status === "answered") return <span>{c.answer}</span>;
  return (
    <Flex vertical gap={4}>
      <Input.TextArea
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("complaint.replyText")}
        data-testid={`answer-text-${c.trackingNo}`}
      />
      <Button
        size="small"
        type="primary"
        disabled={text.trim().length < 5}
        loading={answer.isPending}
        onClick={() => answer.mutate()}
        data-testid={`answer-${c.trackingNo}`}
      >
        {t("complaint.reply")}
      </Button>
      {answer.isError ? <QueryError error={answer.error} /> : null}
    </Flex>
  );
}

/** 投诉与赔偿 for supervisors: complaints to answer and the compensation claims of their offices. */
export function ComplaintDesk() {
  const t = useT();
  const complaints = useQuery({
    queryKey: ["complaints", "staff"],
    queryFn: ({ signal }) => fetchStaffComplaints(signal),
  });
  const claims = useQuery({ queryKey: ["compensation"], queryFn: ({ signal }) => fetchClaims(signal) });
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("page.workbench.complaints")}>
        {complaints.isError ? <QueryError error={complaints.error} /> : null}
        <Table<StaffComplaint>
          size="small"
          rowKey="trackingNo"
          loading={complaints.isPending}
          dataSource={complaints.data ?? []}
          locale={{ emptyText: t("complaint.none") }}
          data-testid="staff-complaints"
          columns={[
            { title: t("complaint.trackingNo"), dataIndex: "trackingNo", width: 230 },
            { title: t("complaint.contactName"), dataIndex: "contactName", width: 90 },
            { title: t("complaint.content"), dataIndex: "content" },
            {
              title: t("complaint.answerDue"),
              key: "due",
              width: 130,
              render: (_, c) => (
                <Tag color={c.overdue ? "red" : c.status === "answered" ? "green" : "orange"}>
                  {c.answerDue}
                </Tag>
              ),
            },
            {
              title: t("complaint.answer"),
              key: "answer",
              width: 320,
              render: (_, c) => <AnswerBox c={c} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("compensation.title")}>
        {claims.isError ? <QueryError error={claims.error} /> : null}
        <Table
          size="small"
          rowKey="number"
          loading={claims.isPending}
          dataSource={claims.data ?? []}
          locale={{ emptyText: t("compensation.none") }}
          columns={[
            { title: t("compensation.number"), dataIndex: "number" },
            { title: t("compensation.claimant"), dataIndex: "claimantName" },
            {
              title: t("compensation.loss"),
              dataIndex: "lossFen",
              render: (f: number) => (f / 100).toFixed(2),
            },
            { title: t("compensation.status"), dataIndex: "status" },
          ]}
        />
      </Card>
    </Flex>
  );
}
