import { ArrowLeftOutlined, FormOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { Link, useParams } from "react-router";
import { pick, useLanguage, useT } from "../../../i18n";
import { PageHeader } from "../../shell/components/page-header";
import { NotFoundResult } from "../../shell/components/status-results";
import { findServiceGuide } from "../catalogue";
import { ServiceGuideView } from "./service-guide-view";

/** A 办事指南 page for the `:typeId` in the URL, with a way back and (when given) to apply. */
export function GuidePageBody({ backTo, applyPath }: { backTo: string; applyPath?: (id: string) => string }) {
  const t = useT();
  const { language } = useLanguage();
  const { typeId = "" } = useParams();
  const guide = findServiceGuide(typeId);
  if (!guide) return <NotFoundResult />;
  return (
    <>
      <PageHeader
        title={pick(guide.name, language)}
        subtitle={t("guide.title")}
        extra={
          <>
            <Link to={backTo}>
              <Button icon={<ArrowLeftOutlined aria-hidden />}>{t("common.back")}</Button>
            </Link>
            {applyPath && guide.applicable ? (
              <Link to={applyPath(guide.id)}>
                <Button type="primary" icon={<FormOutlined aria-hidden />} data-testid="guide-apply">
                  {t("guide.apply")}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <ServiceGuideView guide={guide} />
    </>
  );
}
