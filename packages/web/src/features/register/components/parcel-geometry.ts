/** A bounding box around a GeoJSON polygon, grown by `margin` of its size on each side. */
export function bboxAround(geometry: unknown, margin = 1): [number, number, number, number] | null {
  const coords = (geometry as { coordinates?: number[][][] } | null)?.coordinates?.[0];
  if (!coords || coords.length === 0) return null;
  const xs = coords.map((c) => c[0]!);
  const ys = coords.map((c) => c[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const dx = (maxX - minX) * margin;
  const dy = (maxY - minY) * margin;
  return [minX - dx, minY - dy, maxX + dx, maxY + dy];
}
