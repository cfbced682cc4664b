import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Select, Upload } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/client";
import type { RequestOf, ResponseOf } from "../../api/openapi";
import { CaseListTable } from "../../features/cases/components/case-list-table";
import { useCaseList } from "../../features/cases/hooks/use-cases";
import { PageHeader } from "../../features/shell/components/page-header";
import { useErrorText } from "../../features/shell/components/query-error";
import { useT } from "../../i18n";

type Filing = RequestOf<"/api/notary/filings", "post">;
type Filed = ResponseOf<"/api/notary/filings", "post">;
type Role = Filing["parts"][number]["parties"][number]["role"];

/** The parties each notarised registration names: heirs inherit; a donee receives from a donor. */
const ROLES: Record<Filing["typeId"], Array<{ role: Role; zh: string; en: string }>> = {
  "transfer.inheritance": [{ role: "heir", zh: "继承人", en: "heir" }],
  "transfer.gift": [
    { role: "right-holder", zh: "受赠人", en: "donee" },
    { role: "obligor", zh: "赠与人", en: "donor" },
  ],
};

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** `/portal/inheritance`: 公证继承 — a notary files an inheritance or gift with its notarial deed. */
export function NotaryPage() {
  const t = useT();
  const errorText = useErrorText();
  const cases = useCaseList({});
  const [typeId, setTypeId] = useState<Filing["typeId"]>("transfer.inheritance");
  const [accounts, setAccounts] = useState<Record<string, string>>({});
  const [unitCode, setUnitCode] = useState("");
  const [deedNo, setDeedNo] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const file_ = useMutation({
    mutationFn: async (): Promise<Filed> => {
      if (!file) throw new Error(t("notary.deedFile"));
      const body: Filing = {
        typeId,
        unitCode: unitCode.trim(),
        parts: [
          { parties: ROLES[typeId].map((r) => ({ role: r.role, account: (accounts[r.role] ?? "").trim() })) },
        ],
        deed: {
          deedNo,
          fileName: file.name,
          mediaType: file.type || "application/pdf",
          contentBase64: await readBase64(file),
        },
      };
      return api.post<Filed>("/api/notary/filings", body);
    },
    onSuccess: () => cases.refetch(),
  });
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t("page.portal.inheritance")} subtitle={t("notary.intro")} />
      <Card size="small" title={t("notary.submit")}>
        <Form layout="vertical" onFinish={() => file_.mutate()} style={{ maxWidth: 560 }}>
          <Form.Item label={t("notary.type")}>
            <Select
              value={typeId}
              onChange={setTypeId}
              data-testid="notary-type"
              options={[
                { value: "transfer.inheritance", label: "继承转移登记 Inheritance" },
                { value: "transfer.gift", label: "赠与转移登记 Gift" },
              ]}
            />
          </Form.Item>
          <Form.Item label={t("notary.unitCode")} required>
            <Input
              value={unitCode}
              onChange={(e) => setUnitCode(e.target.value)}
              maxLength={28}
              data-testid="notary-unit"
            />
          </Form.Item>
          {ROLES[typeId].map((r) => (
            <Form.Item key={r.role} label={`${t("notary.account")}（${r.zh} ${r.en}）`} required>
              <Input
                value={accounts[r.role] ?? ""}
                onChange={(e) => setAccounts((a) => ({ ...a, [r.role]: e.target.value }))}
                data-testid={`notary-party-${r.role}`}
              />
            </Form.Item>
          ))}
          <Form.Item label={t("notary.deedNo")} required>
            <Input
              value={deedNo}
              onChange={(e) => setDeedNo(e.target.value)}
              placeholder="（2026）粤佛禅城证字第1234号"
              data-testid="notary-deed-no"
            />
          </Form.Item>
          <Form.Item label={t("notary.deedFile")} required>
            <Upload
              accept="application/pdf"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button data-testid="notary-deed-file">{t("notary.chooseFile")}</Button>
            </Upload>
          </Form.Item>
          {file_.isError ? <Alert type="error" showIcon title={errorText(file_.error)} /> : null}
          {file_.data ? (
            <Alert
              type="success"
              showIcon
              data-testid="notary-filed"
              title={
                <>
                  {t("notary.filed")} <Link to={`/portal/cases/${file_.data.id}`}>{file_.data.id}</Link>
                </>
              }
            />
          ) : null}
          <Button type="primary" htmlType="submit" loading={file_.isPending} data-testid="notary-submit">
            {t("notary.submit")}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t("page.portal.cases")}>
        <CaseListTable
          cases={cases.data ?? []}
          loading={cases.isPending}
          pathOf={(id) => `/portal/cases/${id}`}
          testId="notary-cases"
        />
      </Card>
    </Flex>
  );
}
