import type { ComponentType, ReactNode } from "react";
import { Navigate, Route, Routes } from "react-router";
import { type MessageKey, useT } from "../../../i18n";
import type { Area } from "../../auth/home-path";
import type { MenuEntry } from "../menu-entry";
import { AreaLayout } from "./area-layout";
import { PlaceholderPage } from "./placeholder-page";
import { ForbiddenResult, NoMenuResult, NotFoundResult } from "./status-results";

type Props = Readonly<{
  area: Area;
  titleKey: MessageKey;
  /** Every page of the area, in menu order. */
  entries: readonly MenuEntry[];
  /** The pages this account may open; the others answer 403 rather than 404. */
  allowed: readonly MenuEntry[];
  /** Menu icons by segment; decorative, so hidden from screen readers (the label names the page). */
  icons: Readonly<Record<string, ComponentType<{ "aria-hidden"?: boolean }>>>;
  /** The built pages by segment; an entry without one shows what it will offer. */
  pages?: Readonly<Record<string, ReactNode>>;
  /** Pages outside the menu (a case, a unit), as `path` under the area. */
  extra?: ReadonlyArray<{ path: string; element: ReactNode }>;
  /** Shown above every page of the area. */
  banner?: ReactNode;
}>;

/** The routes of an area under `/<area>/*`: its layout, a page per entry, and the first page as index. */
export function AreaRoutes({
  area,
  titleKey,
  entries,
  allowed,
  icons,
  pages = {},
  extra = [],
  banner,
}: Props) {
  const t = useT();
  const items = allowed.map((e) => {
    const Icon = icons[e.segment];
    return { path: `/${area}/${e.segment}`, label: t(e.titleKey), icon: Icon ? <Icon aria-hidden /> : null };
  });
  const first = allowed[0];

  return (
    <Routes>
      <Route
        element={
          <AreaLayout testId={`layout-${area}`} areaTitle={t(titleKey)} items={items} banner={banner} />
        }
      >
        <Route index element={first ? <Navigate to={first.segment} replace /> : <NoMenuResult />} />
        {entries.map((entry) => (
          <Route
            key={entry.segment}
            path={entry.segment}
            element={
              allowed.includes(entry) ? (
                (pages[entry.segment] ?? (
                  <PlaceholderPage title={t(entry.titleKey)} description={t(entry.soonKey)} />
                ))
              ) : (
                <ForbiddenResult />
              )
            }
          />
        ))}
        {extra.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="*" element={<NotFoundResult />} />
      </Route>
    </Routes>
  );
}
