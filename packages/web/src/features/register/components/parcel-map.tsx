import "ol/ol.css";
import { Typography } from "antd";
import { ScaleLine } from "ol/control";
import { getCenter } from "ol/extent";
import GeoJSON from "ol/format/GeoJSON";
import VectorLayer from "ol/layer/Vector";
import OlMap from "ol/Map";
import VectorSource from "ol/source/Vector";
import { Fill, Stroke, Style, Text } from "ol/style";
import View from "ol/View";
import { useEffect, useRef } from "react";
import { useT } from "../../../i18n";
import type { ParcelFeatures } from "../api/register.api";

type Props = {
  /** The parcel of the page (highlighted) as a GeoJSON geometry in CGCS2000 longitude/latitude. */
  geometry: unknown;
  code: string;
  /** Neighbouring parcels for context (drawn lightly), from `/api/register/map`. */
  neighbours?: ParcelFeatures | undefined;
  height?: number;
};

const format = new GeoJSON({ dataProjection: "EPSG:4326", featureProjection: "EPSG:4326" });

const neighbourStyle = new Style({
  stroke: new Stroke({ color: "#8c8c8c", width: 1 }),
  fill: new Fill({ color: "rgba(140,140,140,0.08)" }),
});

/**
 * 宗地图: the parcel drawn from the register's GeoJSON with OpenLayers, on a plain background —
 * no base-map tiles are fetched, so it works on an intranet with no internet access.
 */
export function ParcelMap({ geometry, code, neighbours, height = 320 }: Props) {
  const t = useT();
  const target = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!target.current || !geometry) return;
    const parcel = format.readFeature({ type: "Feature", id: code, geometry, properties: {} });
    const parcelFeatures = Array.isArray(parcel) ? parcel : [parcel];
    const highlight = new VectorLayer({
      source: new VectorSource({ features: parcelFeatures }),
      style: new Style({
        stroke: new Stroke({ color: "#1658a8", width: 3 }),
        fill: new Fill({ color: "rgba(22,88,168,0.18)" }),
        text: new Text({
          text: code.slice(12),
          font: "12px sans-serif",
          fill: new Fill({ color: "#0b2e59" }),
        }),
      }),
    });
    const others = new VectorLayer({
      source: new VectorSource({
        features: neighbours
          ? format.readFeatures({ ...neighbours, features: neighbours.features.filter((f) => f.id !== code) })
          : [],
      }),
      style: neighbourStyle,
    });
    const extent = highlight.getSource()?.getExtent();
    if (!extent) return;
    const map = new OlMap({
      target: target.current,
      layers: [others, highlight],
      controls: [new ScaleLine()],
      view: new View({ projection: "EPSG:4326", center: getCenter(extent) }),
    });
    map.getView().fit(extent, { padding: [40, 40, 40, 40], maxZoom: 20 });
    return () => map.setTarget(undefined);
  }, [geometry, code, neighbours]);

  if (!geometry) return <Typography.Text type="secondary">{t("register.map.noGeometry")}</Typography.Text>;
  return (
    <div
      ref={target}
      role="img"
      aria-label={t("register.map.label", { code })}
      data-testid="parcel-map"
      style={{ height, width: "100%", background: "#f5f7fa", border: "1px solid #e5e7eb", borderRadius: 6 }}
    />
  );
}
