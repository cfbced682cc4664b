import { Alert, Card, Flex, Typography } from "antd";
import { Link } from "react-router";
import { useT } from "../../../i18n";
import type { SubmitResult } from "../../cases/api/cases.api";
import { FindingsList } from "../../cases/components/findings-list";
import { StageTag } from "../../cases/components/stage-tag";

/** What happened at submit: registered at once (即时办结), or waiting for a human with the reasons. */
export function InstantResult({ result, casePath }: { result: SubmitResult; casePath: string }) {
  const t = useT();
  const done = result.instant.route === "automatic";
  return (
    <Card size="small" data-testid="instant-result" data-route={result.instant.route}>
      <Flex vertical gap={12}>
        <Alert
          type={done ? "success" : result.blocked ? "error" : "warning"}
          showIcon
          title={
            done
              ? t("portal.instant.done")
              : result.blocked
                ? t("portal.instant.blocked")
                : t("portal.instant.human")
          }
          description={
            <span>
              <Link to={casePath}>
                <Typography.Text code>{result.id}</Typography.Text>
              </Link>{" "}
              <StageTag stage={result.stage} />
              {result.certificates.map((c) => (
                <span key={c.id} data-testid="instant-certificate">
                  {" "}
                  · {c.number}
                </span>
              ))}
            </span>
          }
        />
        <FindingsList findings={result.findings} />
      </Flex>
    </Card>
  );
}
