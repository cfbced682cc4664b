import { Button, Result } from "antd";
import { Link } from "react-router";
import { useT } from "../../../i18n";

export function ForbiddenResult() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t("error.forbidden.title")}
      subTitle={t("error.forbidden.description")}
      data-testid="forbidden"
    />
  );
}

export function NotFoundResult() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t("error.notFound.title")}
      subTitle={t("error.notFound.description")}
      extra={
        <Link to="/">
          <Button type="primary">{t("nav.home")}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}

export function NoMenuResult() {
  const t = useT();
  return <Result status="info" title={t("error.noMenu.title")} subTitle={t("error.noMenu.description")} />;
}
