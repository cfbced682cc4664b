import { Card, Col, Row, Tabs } from "antd";
import { lazy, type ReactNode, Suspense } from "react";
import { useT } from "../../../i18n";
import { PageHeader } from "../../shell/components/page-header";
import { PageLoading } from "../../shell/components/page-loading";
import { QueryError } from "../../shell/components/query-error";
import { buildingCodeOf } from "../api/register.api";
import { useBuildingTable, useParcel, useParcelsInBox, useUnit, useUnitHistory } from "../hooks/use-register";
import { BuildingTable } from "./building-table";
import { HistoryTimeline } from "./history-timeline";
import { bboxAround } from "./parcel-geometry";
import { EncumbrancesTable, RightsTable, UnitRegister } from "./unit-register";

// OpenLayers is large: it loads only when a map is shown.
const ParcelMap = lazy(async () => ({ default: (await import("./parcel-map")).ParcelMap }));

/** A unit's page: register, history, building table and parcel map (staff, holders, banks). */
export function UnitDetail({
  code,
  openUnit,
  extra,
}: {
  code: string;
  openUnit: (code: string) => void;
  extra?: ReactNode;
}) {
  const t = useT();
  const unit = useUnit(code);
  if (unit.isPending) return <PageLoading />;
  if (unit.isError) return <QueryError error={unit.error} retry={() => void unit.refetch()} />;
  const view = unit.data;
  const full = view.view === "full";
  return (
    <>
      <PageHeader title={view.unit.address} subtitle={view.unit.codeDisplay} extra={extra} />
      <Tabs
        defaultActiveKey="register"
        items={[
          { key: "register", label: t("register.tab.register"), children: <UnitRegister view={view} /> },
          ...(full
            ? [
                {
                  key: "history",
                  label: t("register.tab.history"),
                  children: <UnitHistoryPanel code={view.unit.code} />,
                },
              ]
            : []),
          {
            key: "parcel",
            label: t("register.tab.parcel"),
            children: (
              <ParcelPanel
                parcelCode={view.unit.parcelCode}
                buildingCode={buildingCodeOf(view.unit)}
                currentCode={view.unit.code}
                openUnit={openUnit}
              />
            ),
          },
        ]}
      />
    </>
  );
}

function UnitHistoryPanel({ code }: { code: string }) {
  const t = useT();
  const history = useUnitHistory(code);
  if (history.isPending) return <PageLoading />;
  if (history.isError) return <QueryError error={history.error} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={9}>
        <Card size="small" title={t("register.timeline")}>
          <HistoryTimeline events={history.data.timeline} />
        </Card>
      </Col>
      <Col xs={24} xxl={15}>
        <Card size="small" title={t("register.allRights")} style={{ marginBottom: 16 }}>
          <RightsTable rights={history.data.rights} />
        </Card>
        <Card size="small" title={t("register.allEncumbrances")}>
          <EncumbrancesTable encumbrances={history.data.encumbrances} />
        </Card>
      </Col>
    </Row>
  );
}

function ParcelPanel({
  parcelCode,
  buildingCode,
  currentCode,
  openUnit,
}: {
  parcelCode: string;
  buildingCode: string | null;
  currentCode: string;
  openUnit: (code: string) => void;
}) {
  const t = useT();
  const parcel = useParcel(parcelCode);
  const table = useBuildingTable(buildingCode);
  const geometry = parcel.data?.parcel.geometry ?? null;
  const neighbours = useParcelsInBox(geometry ? bboxAround(geometry) : null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("register.parcelMap", { code: parcelCode })}>
          {parcel.isPending ? (
            <PageLoading />
          ) : parcel.isError ? (
            <QueryError error={parcel.error} />
          ) : (
            <Suspense fallback={<PageLoading />}>
              <ParcelMap geometry={geometry} code={parcelCode} neighbours={neighbours.data} />
            </Suspense>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("register.buildingTable")}>
          {buildingCode === null ? (
            t("register.noBuilding")
          ) : table.isPending ? (
            <PageLoading />
          ) : table.isError ? (
            <QueryError error={table.error} />
          ) : (
            <BuildingTable table={table.data} currentCode={currentCode} onOpen={openUnit} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
