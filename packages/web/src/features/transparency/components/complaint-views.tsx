import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import {
  type Complaint,
  type ComplaintBody,
  fetchPublishedComplaints,
  fileComplaint,
  trackComplaint,
} from "../api/transparency.api";

const OFFICES = [
  ["440604", "佛山市禅城区"],
  ["440605", "佛山市南海区"],
  ["440606", "佛山市顺德区"],
  ["231202", "绥化市北林区"],
  ["231221", "望奎县"],
  ["231282", "肇东市"],
] as const;

export function ComplaintStatus({ c }: { c: Complaint }) {
  const t = useT();
  return (
    <Descriptions size="small" column={1} bordered data-testid="complaint-status">
      <Descriptions.Item label={t("complaint.trackingNo")}>{c.trackingNo}</Descriptions.Item>
      <Descriptions.Item label={t("complaint.office")}>{c.officeName}</Descriptions.Item>
      <Descriptions.Item label={t("complaint.filedAt")}>{c.filedAt.slice(0, 10)}</Descriptions.Item>
      <Descriptions.Item label={t("complaint.answerDue")}>{c.answerDue}</Descriptions.Item>
      <Descriptions.Item label={t("compensation.status")}>
        <Tag color={c.status === "answered" ? "green" : "orange"}>{t(`complaint.status.${c.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t("complaint.content")}>{c.content}</Descriptions.Item>
      <Descriptions.Item label={t("complaint.answer")}>
        <span data-testid="complaint-answer">{c.answer ?? t("complaint.noAnswer")}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 投诉: the form anyone may send without logging in; the answer is a tracking number. */
export function ComplaintForm() {
  const t = useT();
  const [form] = Form.useForm<ComplaintBody>();
  const file = useMutation({ mutationFn: fileComplaint });
  return (
    <Card size="small" title={t("complaint.title")}>
      <Typography.Paragraph type="secondary">{t("complaint.intro")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ office: "440604", topic: "registry" }}
        onFinish={(values) => file.mutate(values)}
        data-testid="complaint-form"
      >
        <Flex gap={12} wrap>
          <Form.Item name="office" label={t("complaint.office")} style={{ minWidth: 200 }}>
            <Select options={OFFICES.map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="topic" label={t("complaint.topic")} style={{ minWidth: 160 }}>
            <Select
              options={[
                { value: "registry", label: t("complaint.topic.registry") },
                { value: "cadastre", label: t("complaint.topic.cadastre") },
              ]}
            />
          </Form.Item>
          <Form.Item name="caseRef" label={t("complaint.caseRef")}>
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
        <Form.Item name="content" label={t("complaint.content")} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="complaint-content" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name={["contact", "name"]}
            label={t("complaint.contactName")}
            rules={[{ required: true }]}
          >
            <Input maxLength={50} data-testid="complaint-name" />
          </Form.Item>
          <Form.Item
            name={["contact", "phone"]}
            label={t("complaint.contactPhone")}
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}
          >
            <Input maxLength={11} data-testid="complaint-phone" />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="complaint-submit">
          {t("complaint.submit")}
        </Button>
      </Form>
      {file.isError ? <QueryError error={file.error} /> : null}
      {file.data ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          message={
            <span data-testid="complaint-filed">{t("complaint.filed", { no: file.data.trackingNo })}</span>
          }
        />
      ) : null}
    </Card>
  );
}

/** 凭查询码查看答复. */
export function ComplaintLookup() {
  const t = useT();
  const [no, setNo] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ["complaint", asked],
    enabled: asked !== null,
    queryFn: ({ signal }) => trackComplaint(asked!, signal),
  });
  return (
    <Card size="small" title={t("complaint.track")}>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input
          value={no}
          onChange={(e) => setNo(e.target.value.trim())}
          placeholder={t("complaint.trackingNo")}
          data-testid="complaint-track-no"
        />
        <Button onClick={() => setAsked(no)} data-testid="complaint-track">
          {t("complaint.lookup")}
        </Button>
      </Flex>
      {found.isError ? <QueryError error={found.error} /> : null}
      {found.data ? <ComplaintStatus c={found.data} /> : null}
    </Card>
  );
}

/** 投诉公开: this month's complaints and answers, anonymised. */
export function PublishedComplaints() {
  const t = useT();
  const list = useQuery({
    queryKey: ["complaints", "published"],
    queryFn: ({ signal }) => fetchPublishedComplaints(signal),
  });
  return (
    <Card size="small" title={t("complaint.published")}>
      {list.isError ? <QueryError error={list.error} /> : null}
      <Table
        size="small"
        rowKey="trackingNo"
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t("complaint.none") }}
        columns={[
          {
            title: t("complaint.filedAt"),
            dataIndex: "filedAt",
            render: (v: string) => v.slice(0, 10),
            width: 110,
          },
          { title: t("complaint.office"), dataIndex: "officeName", width: 140 },
          { title: t("complaint.content"), dataIndex: "content" },
          { title: t("complaint.answerDue"), dataIndex: "answerDue", width: 110 },
          {
            title: t("complaint.answer"),
            dataIndex: "answer",
            render: (v: string | null) => v ?? t("complaint.noAnswer"),
          },
        ]}
      />
    </Card>
  );
}
