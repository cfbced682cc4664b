/**
 * Parcel geometry: GeoJSON polygons (outer ring; holes are kept but not used in the overlap test),
 * bounding boxes for the database's GiST index, exact footprint overlap, and the vertical ranges of
 * 3D parcels (地上/地下 construction-land use rights).
 */
import type { Finding } from "../result";
import type { Box, Polygon, VerticalRange } from "./register.types";

type Point = readonly [number, number];

const MAX_VERTICES = 5000;

const f = (code: string, zh: string, en: string): Finding => ({
  code,
  severity: "block",
  message_zh: zh,
  message_en: en,
});

/** Structure and simplicity of a GeoJSON polygon; returns every problem found. */
export function validatePolygon(value: unknown): Finding[] {
  const bad = (zh: string, en: string) => [
    f("REGISTER.GEOMETRY", `图形无效：${zh}`, `Invalid geometry: ${en}`),
  ];
  if (typeof value !== "object" || value === null) return bad("不是 GeoJSON 对象", "not a GeoJSON object");
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type !== "Polygon") return bad("类型应为 Polygon", "type must be Polygon");
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0)
    return bad("缺少坐标环", "no coordinate rings");
  for (const ring of g.coordinates as unknown[]) {
    if (!Array.isArray(ring) || ring.length < 4)
      return bad("每个环至少4个点（首尾相同）", "each ring needs at least 4 positions (closed)");
    if (ring.length > MAX_VERTICES)
      return bad(`顶点超过 ${MAX_VERTICES} 个`, `more than ${MAX_VERTICES} vertices`);
    for (const p of ring) {
      if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === "number" && Number.isFinite(n)))
        return bad("坐标应为有限数字 [x, y]", "positions must be finite [x, y] numbers");
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return bad("环未闭合", "ring is not closed");
  }
  const outer = ringPoints(g as Polygon);
  if (Math.abs(signedArea(outer)) === 0) return bad("面积为零", "zero area");
  if (selfIntersects(outer)) return bad("边界自相交", "the boundary intersects itself");
  return [];
}

export function boundingBox(polygon: Polygon): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of ringPoints(polygon)) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** Boxes share more than a boundary. */
export const boxesOverlap = (a: Box, b: Box): boolean =>
  a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

/**
 * True when the interiors of the two footprints intersect. Touching along an edge or at a point is
 * not an overlap: neighbouring parcels share boundaries.
 */
export function polygonsOverlap(a: Polygon, b: Polygon): boolean {
  if (!boxesOverlap(boundingBox(a), boundingBox(b))) return false;
  const pa = ringPoints(a);
  const pb = ringPoints(b);
  for (let i = 0; i < pa.length; i++) {
    const a1 = pa[i]!;
    const a2 = pa[(i + 1) % pa.length]!;
    for (let j = 0; j < pb.length; j++) {
      if (properlyCross(a1, a2, pb[j]!, pb[(j + 1) % pb.length]!)) return true;
    }
  }
  const probes = (ring: Point[]): Point[] => {
    const points: Point[] = [...ring];
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i]!;
      const q = ring[(i + 1) % ring.length]!;
      points.push([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2]);
    }
    const inner = interiorPoint(ring);
    if (inner) points.push(inner);
    return points;
  };
  return (
    probes(pa).some((p) => locate(p, pb) === "inside") || probes(pb).some((p) => locate(p, pa) === "inside")
  );
}

/** The vertical extent as numbers, unbounded ends as ±Infinity. */
export function verticalBounds(v: VerticalRange): [number, number] {
  return [v.min ?? Number.NEGATIVE_INFINITY, v.max ?? Number.POSITIVE_INFINITY];
}

/** Half-open ranges [min, max): a parcel ending at −5 m and one starting at −5 m do not overlap. */
export function verticalRangesOverlap(a: VerticalRange, b: VerticalRange): boolean {
  const [aLo, aHi] = verticalBounds(a);
  const [bLo, bHi] = verticalBounds(b);
  return aLo < bHi && bLo < aHi;
}

/** The vertical range must fit the parcel's feature code: S 地上, X 地下, others at the surface. */
export function validateVertical(useRight: string, v: VerticalRange): Finding[] {
  const bad = (zh: string, en: string) => [
    f("REGISTER.VERTICAL_RANGE", `竖向范围无效：${zh}`, `Invalid vertical range: ${en}`),
  ];
  const isNum = (n: number | null) => n === null || Number.isFinite(n);
  if (!isNum(v.min) || !isNum(v.max)) return bad("高程应为数字", "elevations must be numbers");
  if (v.min !== null && v.max !== null && !(v.min < v.max))
    return bad("下限应低于上限", "the lower bound must be below the upper bound");
  if (v.kind === "above" && (v.min === null || v.max !== null))
    return bad("地上范围只有下限", "an above-ground range has only a lower bound");
  if (v.kind === "below" && (v.max === null || v.min !== null))
    return bad("地下范围只有上限", "an underground range has only an upper bound");
  if (v.kind === "between" && (v.min === null || v.max === null))
    return bad("区间范围需要上下限", "a between range needs both bounds");
  if (useRight === "S" && v.kind !== "above" && v.kind !== "between")
    return bad("S（地上）宗地的范围应为地上或区间", "an S (above-ground) parcel is above or between levels");
  if (useRight === "X" && v.kind !== "below" && v.kind !== "between")
    return bad("X（地下）宗地的范围应为地下或区间", "an X (underground) parcel is below or between levels");
  if (useRight !== "S" && useRight !== "X" && v.kind !== "surface")
    return bad("只有 S/X 宗地是分层设立的", "only S and X parcels are layered (3D)");
  return [];
}

/** Two current parcels conflict when their footprints overlap at overlapping vertical ranges. */
export function parcelsConflict(
  a: { geometry: Polygon | null; vertical: VerticalRange },
  b: { geometry: Polygon | null; vertical: VerticalRange },
): boolean {
  if (!a.geometry || !b.geometry) return false;
  return verticalRangesOverlap(a.vertical, b.vertical) && polygonsOverlap(a.geometry, b.geometry);
}

// --- plane geometry -------------------------------------------------------------------------

/** Outer ring without its closing position. */
function ringPoints(polygon: Polygon): Point[] {
  const ring = polygon.coordinates[0] ?? [];
  return ring.slice(0, -1).map((p) => [p[0] ?? 0, p[1] ?? 0] as const);
}

function signedArea(ring: Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Sign of the turn a→b→c, with a tolerance relative to the segment lengths. */
function orient(a: Point, b: Point, c: Point): -1 | 0 | 1 {
  const abx = b[0] - a[0];
  const aby = b[1] - a[1];
  const acx = c[0] - a[0];
  const acy = c[1] - a[1];
  const cross = abx * acy - aby * acx;
  const scale = (Math.abs(abx) + Math.abs(aby)) * (Math.abs(acx) + Math.abs(acy));
  if (Math.abs(cross) <= scale * 1e-12) return 0;
  return cross > 0 ? 1 : -1;
}

/** Segments cross at a single point interior to both (not touching, not collinear). */
function properlyCross(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const o1 = orient(p1, p2, q1);
  const o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1);
  const o4 = orient(q1, q2, p2);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

function onSegment(p: Point, a: Point, b: Point): boolean {
  return (
    orient(a, b, p) === 0 &&
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

function locate(p: Point, ring: Point[]): "inside" | "boundary" | "outside" {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (onSegment(p, a, b)) return "boundary";
    if (a[1] > p[1] !== b[1] > p[1]) {
      const x = ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0];
      if (p[0] < x) inside = !inside;
    }
  }
  return inside ? "inside" : "outside";
}

/** A point strictly inside a simple polygon: the centroid of an ear (a convex corner with no vertex inside). */
function interiorPoint(ring: Point[]): Point | undefined {
  const ccw = signedArea(ring) > 0 ? 1 : -1;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[(i + n - 1) % n]!;
    const b = ring[i]!;
    const c = ring[(i + 1) % n]!;
    if (orient(a, b, c) !== ccw) continue;
    const centroid: Point = [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3];
    if (locate(centroid, ring) === "inside") return centroid;
  }
  return undefined;
}

function selfIntersects(ring: Point[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a1 = ring[i]!;
    const a2 = ring[(i + 1) % n]!;
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // neighbours through the closing edge
      const b1 = ring[j]!;
      const b2 = ring[(j + 1) % n]!;
      if (properlyCross(a1, a2, b1, b2) || onSegment(b1, a1, a2) || onSegment(a1, b1, b2)) return true;
    }
  }
  return false;
}
