/**
 * 附图页 — the plan page: 宗地图 (parcel plan) and 房产分户图 (floor plan) drawn from the stored
 * GeoJSON as vector graphics (证书零贴图). This module only does the geometry: it fits the shapes
 * into a frame at a standard map scale and chooses a scale bar; the server draws the result.
 */

/** GeoJSON polygon or multipolygon, CGCS2000 longitude/latitude (EPSG:4490) or projected metres. */
export type PlanGeometry =
  | { type: "Polygon"; coordinates: number[][][] }
  | { type: "MultiPolygon"; coordinates: number[][][][] };

export type PlanFeature = {
  geometry: PlanGeometry;
  /** The parcel or unit the certificate is about is drawn filled; neighbours only outlined. */
  role: "subject" | "neighbour";
  /** Written at the feature's centre, e.g. a neighbour's parcel number or a room name. */
  label?: string;
};

export type Plan = {
  features: PlanFeature[];
  /** `degrees`: EPSG:4490 longitude/latitude; `metres` (default): a Gauss-Krüger zone or local survey metres. */
  units?: "metres" | "degrees";
  /** Edge lengths of the subject's outer ring are written along it (分户图 dimensions). */
  dimensions?: boolean;
};

/** What the renderer needs: page coordinates (points, y down), a scale bar and the scale. */
export type FittedPlan = {
  features: Array<{ role: PlanFeature["role"]; label?: string; rings: Array<Array<[number, number]>> }>;
  labels: Array<{ text: string; at: [number, number] }>;
  edges: Array<{ text: string; at: [number, number]; angle: number }>;
  /** 1:N */
  scaleDenominator: number;
  scaleBar: { lengthPt: number; metres: number; ticks: number };
};

type Frame = { x: number; y: number; width: number; height: number };

const MM_PER_PT = 25.4 / 72;
/** Scales used on cadastral and floor plans. */
const SCALES = [
  50, 100, 150, 200, 250, 300, 500, 1000, 1500, 2000, 2500, 5000, 10_000, 25_000, 50_000, 100_000,
];

const ringsOf = (g: PlanGeometry): number[][][] =>
  g.type === "Polygon" ? g.coordinates : g.coordinates.flat();

/**
 * Local metres around the plan's centre. At plan sizes (a few hundred metres) an equirectangular
 * projection is off by far less than the drawing's line width.
 */
const toMetres = (plan: Plan): Array<Array<Array<[number, number]>>> => {
  const { features } = plan;
  const all = features.flatMap((f) => ringsOf(f.geometry).flat());
  if (plan.units !== "degrees")
    return features.map((f) => ringsOf(f.geometry).map((r) => r.map(([x, y]) => [x!, y!])));
  const lon0 = all.reduce((s, p) => s + p[0]!, 0) / all.length;
  const lat0 = all.reduce((s, p) => s + p[1]!, 0) / all.length;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  return features.map((f) =>
    ringsOf(f.geometry).map((r) =>
      r.map(([x, y]) => [(x! - lon0) * kx, (y! - lat0) * ky] as [number, number]),
    ),
  );
};

/** 1, 2 or 5 × 10^n metres, the largest not longer than `max`. */
const niceLength = (max: number): number => {
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [5, 2, 1]) if (m * p <= max) return m * p;
  return p;
};

const centroid = (ring: Array<[number, number]>): [number, number] => {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return ring[0]!;
  return [cx / (3 * a), cy / (3 * a)];
};

/**
 * Fits the plan into `frame` (page points, y down) with north up, at the smallest standard scale
 * that fits with a margin. Undefined when there is nothing to draw.
 */
export const fitPlan = (plan: Plan, frame: Frame, margin = 24): FittedPlan | undefined => {
  if (plan.features.length === 0) return undefined;
  const metres = toMetres(plan);
  const points = metres.flat(2);
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const spanX = Math.max(maxX - minX, 0.01);
  const spanY = Math.max(maxY - minY, 0.01);
  const innerW = frame.width - 2 * margin;
  const innerH = frame.height - 2 * margin;
  // metres per point needed, then the first standard scale at least that coarse
  const needed = Math.max(spanX / innerW, spanY / innerH) / (MM_PER_PT / 1000);
  const scaleDenominator = SCALES.find((s) => s >= needed) ?? Math.ceil(needed / 1000) * 1000;
  const ptPerMetre = 1 / ((scaleDenominator * MM_PER_PT) / 1000);
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  const mx = (minX + maxX) / 2;
  const my = (minY + maxY) / 2;
  const project = ([x, y]: [number, number]): [number, number] => [
    cx + (x - mx) * ptPerMetre,
    cy - (y - my) * ptPerMetre,
  ];
  const features = plan.features.map((f, i) => ({
    role: f.role,
    ...(f.label === undefined ? {} : { label: f.label }),
    rings: metres[i]!.map((ring) => ring.map(project)),
  }));
  const labels = features.flatMap((f) =>
    f.label !== undefined && f.rings[0] ? [{ text: f.label, at: centroid(f.rings[0]) }] : [],
  );
  const edges: FittedPlan["edges"] = [];
  if (plan.dimensions) {
    plan.features.forEach((f, i) => {
      if (f.role !== "subject") return;
      const ring = metres[i]![0] ?? [];
      if (ring.length > 40) return;
      for (let k = 0; k < ring.length - 1; k++) {
        const a = ring[k]!;
        const b = ring[k + 1]!;
        const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (length * ptPerMetre < 24) continue;
        const pa = project(a);
        const pb = project(b);
        let angle = (Math.atan2(pb[1] - pa[1], pb[0] - pa[0]) * 180) / Math.PI;
        if (angle > 90) angle -= 180;
        if (angle < -90) angle += 180;
        edges.push({ text: length.toFixed(2), at: [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2], angle });
      }
    });
  }
  const barMetres = niceLength((innerW * 0.3) / ptPerMetre);
  return {
    features,
    labels,
    edges,
    scaleDenominator,
    scaleBar: { lengthPt: barMetres * ptPerMetre, metres: barMetres, ticks: barMetres >= 2 ? 2 : 1 },
  };
};
