import { Flex, Spin } from "antd";
import { useT } from "../../../i18n";

export function PageLoading() {
  const t = useT();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240, height: "100%" }}>
      <Spin size="large" description={t("common.loading")} />
    </Flex>
  );
}
