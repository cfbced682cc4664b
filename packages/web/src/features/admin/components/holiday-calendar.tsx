import { App, Button, Card, Flex, Input, InputNumber, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { QueryError, useErrorText } from "../../shell/components/query-error";
import type { ScheduleProposal } from "../api/admin.api";
import { useHolidaySchedules } from "../hooks/use-admin";
import { scheduleFormatOf } from "../staff";

const EXAMPLE = "日期,类型,名称\n2027-01-01,放假,元旦\n2027-02-06,上班,调休上班";

/**
 * 系统管理 · 节假日安排: enter (paste) or import (CSV/JSON file) a year's State Council schedule;
 * another administrator approves it, then deadlines of open cases are recomputed.
 */
export function HolidayCalendarAdmin() {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { proposals, submit, decide } = useHolidaySchedules();
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [sourceRef, setSourceRef] = useState("");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState("");

  const send = async () => {
    try {
      await submit.mutateAsync({
        year,
        sourceRef: sourceRef.trim(),
        format: scheduleFormatOf(fileName, text),
        text,
      });
      message.success(t("admin.calendar.submitted"));
      setText("");
      setFileName("");
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const act = async (p: ScheduleProposal, verb: "approve" | "reject") => {
    try {
      const r = await decide.mutateAsync({ id: p.id, verb });
      message.success(
        verb === "approve"
          ? t("admin.calendar.approvedDone", { count: String(r.recomputedCases ?? 0) })
          : t("admin.calendar.rejectedDone"),
      );
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("admin.calendar.enter")}>
        <Flex vertical gap={8}>
          <Typography.Paragraph type="secondary">{t("admin.calendar.help")}</Typography.Paragraph>
          <Flex gap={8} wrap>
            <InputNumber
              aria-label={t("admin.calendar.year")}
              addonBefore={t("admin.calendar.year")}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => setYear(Number(v))}
            />
            <Input
              style={{ maxWidth: 360 }}
              aria-label={t("admin.calendar.sourceRef")}
              placeholder={t("admin.calendar.sourceRef")}
              value={sourceRef}
              onChange={(e) => setSourceRef(e.target.value)}
            />
            <Upload
              accept=".csv,.json,.txt"
              showUploadList={false}
              beforeUpload={async (file) => {
                setFileName(file.name);
                setText(await file.text());
                return false;
              }}
            >
              <Button>{t("admin.calendar.importFile")}</Button>
            </Upload>
          </Flex>
          <Input.TextArea
            rows={8}
            aria-label={t("admin.calendar.days")}
            placeholder={EXAMPLE}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div>
            <Button
              type="primary"
              loading={submit.isPending}
              disabled={!text.trim() || sourceRef.trim().length < 2}
              onClick={() => void send()}
            >
              {t("admin.calendar.submit")}
            </Button>
          </div>
        </Flex>
      </Card>
      <Card size="small" title={t("admin.calendar.proposals")}>
        {proposals.isError ? (
          <QueryError error={proposals.error} retry={() => void proposals.refetch()} />
        ) : null}
        <Table<ScheduleProposal>
          size="small"
          rowKey="id"
          loading={proposals.isPending}
          dataSource={proposals.data ?? []}
          pagination={false}
          columns={[
            { title: t("admin.calendar.year"), dataIndex: "year" },
            { title: t("admin.calendar.sourceRef"), dataIndex: "sourceRef" },
            {
              title: t("admin.calendar.daysCount"),
              render: (_, p) =>
                `${p.days.filter((d) => d.kind === "off").length} / ${p.days.filter((d) => d.kind === "work").length}`,
            },
            {
              title: t("admin.calendar.status"),
              render: (_, p) => <Tag>{t(`admin.calendar.status.${p.status}`)}</Tag>,
            },
            {
              title: t("admin.staff.actions"),
              render: (_, p) =>
                p.status !== "pending" ? null : (
                  <Flex gap={8}>
                    <Button
                      size="small"
                      type="primary"
                      disabled={p.mine}
                      title={p.mine ? t("admin.calendar.fourEyes") : undefined}
                      onClick={() => void act(p, "approve")}
                    >
                      {t("admin.calendar.approve")}
                    </Button>
                    <Button size="small" onClick={() => void act(p, "reject")}>
                      {t(p.mine ? "admin.calendar.withdraw" : "admin.calendar.reject")}
                    </Button>
                  </Flex>
                ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
