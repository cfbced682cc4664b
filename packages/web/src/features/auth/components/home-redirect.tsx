import { Navigate } from "react-router";
import { PageLoading } from "../../shell/components/page-loading";
import { homePathFor } from "../home-path";
import { useMe } from "../hooks/use-me";

/** `/`: the account's home, or the login page when nobody is logged in. */
export function HomeRedirect() {
  const me = useMe();
  if (me.status === "loading") return <PageLoading />;
  if (me.status === "authenticated") return <Navigate to={homePathFor(me.account)} replace />;
  return <Navigate to="/login" replace />;
}
