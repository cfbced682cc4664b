import { SearchOutlined } from "@ant-design/icons";
import { Flex, Input, Table, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { QueryError } from "../../shell/components/query-error";
import { looksLikeUnitCode, type Unit } from "../api/register.api";
import { useAddressSearch } from "../hooks/use-register";

/** 坐落查房 and 按单元号查: type an address (two characters or more) or a 28-character unit code. */
export function UnitSearch({ openUnit }: { openUnit: (code: string) => void }) {
  const t = useT();
  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState("");
  const search = useAddressSearch(looksLikeUnitCode(submitted) ? "" : submitted);
  const submit = (value: string) => {
    if (looksLikeUnitCode(value)) openUnit(value.replace(/\s+/g, ""));
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
