import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { errorMessageOf } from "../../../api/client";
import { useLanguage, useT } from "../../../i18n";
import { PageLoading } from "../../shell/components/page-loading";
import { type Area, areaOf, homePathFor } from "../home-path";
import { AccountContext } from "../hooks/use-account";
import { useMe } from "../hooks/use-me";

/**
 * Lets only accounts of `area`'s kind in: anonymous visitors go to the login page (and come back
 * afterwards), accounts of another kind go to their own home.
 */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const t = useT();
  const { language } = useLanguage();

  switch (me.status) {
    case "loading":
      return <PageLoading />;
    case "error":
      return (
        <Result
          status="warning"
          title={t("common.loadFailed")}
          subTitle={errorMessageOf(me.error, language)}
          extra={<Button onClick={me.retry}>{t("common.retry")}</Button>}
        />
      );
    case "anonymous": {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    case "authenticated":
      if (areaOf(me.account) !== area) return <Navigate to={homePathFor(me.account)} replace />;
      return <AccountContext value={me.account}>{children}</AccountContext>;
  }
}
