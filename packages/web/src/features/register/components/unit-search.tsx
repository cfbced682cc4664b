import { SearchOutlined } from "@ant-design/icons";
import { Alert, Flex, Input, Table, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { QueryError, useErrorText } from "../../shell/components/query-error";
import { looksLikeCertificateNumber, looksLikeUnitCode, type Unit } from "../api/register.api";
import { useAddressSearch, useCertificateLookup } from "../hooks/use-register";
import { CertificateStatusNote } from "./certificate-lookup";

/**
 * 坐落查房, 按单元号查 and 按证书号查: type an address (two characters or more), a 28-character unit
 * code, or a certificate number (粤（2026）佛山市不动产权第0001234号).
 */
export function UnitSearch({ openUnit }: { openUnit: (code: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState("");
  const byCertificate = useCertificateLookup(openUnit);
  const search = useAddressSearch(
    looksLikeUnitCode(submitted) || looksLikeCertificateNumber(submitted) ? "" : submitted,
  );
  const submit = (value: string) => {
    if (looksLikeUnitCode(value)) openUnit(value.replace(/\s+/g, ""));
    else if (looksLikeCertificateNumber(value)) byCertificate.mutate(value);
    else setSubmitted(value);
  };
  return (
    <Flex vertical gap={12}>
      <Input.Search
        enterButton={<SearchOutlined aria-label={t("common.search")} />}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={submit}
        placeholder={t("register.search.placeholder")}
        aria-label={t("register.search.placeholder")}
        data-testid="unit-search"
        allowClear
      />
      {search.isError ? <QueryError error={search.error} /> : null}
      {byCertificate.isError ? <Alert type="error" showIcon title={errorText(byCertificate.error)} /> : null}
      {byCertificate.data ? <CertificateStatusNote found={byCertificate.data} /> : null}
      {submitted.trim().length >= 2 ? (
        <Table<Unit>
          size="small"
          rowKey="code"
          loading={search.isFetching}
          dataSource={search.data ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          scroll={{ x: 700 }}
          onRow={(u) => ({ onClick: () => openUnit(u.code), style: { cursor: "pointer" } })}
          data-testid="unit-search-results"
          columns={[
            { title: t("register.address"), dataIndex: "address" },
            {
              title: t("register.unitCode"),
              dataIndex: "codeDisplay",
              width: 280,
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t("register.buildingArea"),
              dataIndex: "buildingArea",
              width: 120,
              render: (v: number | null) => (v === null ? "—" : t("common.squareMetres", { area: v })),
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}
