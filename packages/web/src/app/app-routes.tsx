import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { Route, Routes } from "react-router";
import { HomeRedirect } from "../features/auth/components/home-redirect";
import { RequireArea } from "../features/auth/components/require-area";
import { PageLoading } from "../features/shell/components/page-loading";
import { LoginPage } from "../routes/public/login-page";
import { NotFoundPage } from "../routes/public/not-found-page";
import { PublicLayout } from "../routes/public/public-layout";

/** Each area is its own chunk, loaded when first opened (React.lazy wants a default export). */
function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const HallArea = lazyNamed(() => import("../routes/hall/hall-area"), "HallArea");
const PortalArea = lazyNamed(() => import("../routes/portal/portal-area"), "PortalArea");
const WorkbenchArea = lazyNamed(() => import("../routes/workbench/workbench-area"), "WorkbenchArea");
const VerifyPage = lazyNamed(() => import("../routes/public/verify-page"), "VerifyPage");
const QueryVerifyPage = lazyNamed(() => import("../routes/public/query-verify-page"), "QueryVerifyPage");
const PublicCataloguePage = lazyNamed(() => import("../routes/public/guide-pages"), "PublicCataloguePage");
const PublicGuidePage = lazyNamed(() => import("../routes/public/guide-pages"), "PublicGuidePage");
const AboutPage = lazyNamed(() => import("../routes/public/about-page"), "AboutPage");
const SignUpPage = lazyNamed(() => import("../routes/public/sign-up-pages"), "SignUpPage");
const ResetPasswordPage = lazyNamed(() => import("../routes/public/sign-up-pages"), "ResetPasswordPage");
const PublicStatisticsPage = lazyNamed(
  () => import("../routes/public/transparency-pages"),
  "PublicStatisticsPage",
);
const PublicComplaintsPage = lazyNamed(
  () => import("../routes/public/transparency-pages"),
  "PublicComplaintsPage",
);

const loading = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<HomeRedirect />} />
      <Route element={<PublicLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="sign-up" element={loading(<SignUpPage />)} />
        <Route path="reset-password" element={loading(<ResetPasswordPage />)} />
        <Route path="verify" element={loading(<VerifyPage />)} />
        <Route path="verify/query/:token" element={loading(<QueryVerifyPage />)} />
        <Route path="verify/:token" element={loading(<VerifyPage />)} />
        <Route path="guide" element={loading(<PublicCataloguePage />)} />
        <Route path="guide/:typeId" element={loading(<PublicGuidePage />)} />
        <Route path="about" element={loading(<AboutPage />)} />
        <Route path="statistics" element={loading(<PublicStatisticsPage />)} />
        <Route path="complaints" element={loading(<PublicComplaintsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route path="hall/*" element={<RequireArea area="hall">{loading(<HallArea />)}</RequireArea>} />
      <Route path="portal/*" element={<RequireArea area="portal">{loading(<PortalArea />)}</RequireArea>} />
      <Route
        path="workbench/*"
        element={<RequireArea area="workbench">{loading(<WorkbenchArea />)}</RequireArea>}
      />
    </Routes>
  );
}
