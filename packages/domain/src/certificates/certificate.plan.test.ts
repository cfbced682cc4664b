import { describe, expect, it } from "vitest";
import { fitPlan } from "./certificate.plan";

const frame = { x: 50, y: 100, width: 495, height: 300 };
const rect = (w: number, h: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
      [0, 0],
    ],
  ],
});

describe("plan fitting (附图页)", () => {
  it("picks the smallest standard scale that fits and keeps north up", () => {
    // The frame less its margins is 447 × 252 pt = 157.7 × 88.9 mm.
    const plan = fitPlan({ features: [{ role: "subject", geometry: rect(12, 8) }] }, frame)!;
    expect(plan.scaleDenominator).toBe(100);
    const ring = plan.features[0]!.rings[0]!;
    // y grows downwards on the page: the northern edge (y = 10 m) is drawn above the southern.
    expect(ring[2]![1]).toBeLessThan(ring[0]![1]);
    // 12 m at 1:100 = 120 mm = 340.2 pt
    expect(ring[1]![0] - ring[0]![0]).toBeCloseTo(340.16, 1);
    for (const [x, y] of ring) {
      expect(x).toBeGreaterThanOrEqual(frame.x);
      expect(x).toBeLessThanOrEqual(frame.x + frame.width);
      expect(y).toBeGreaterThanOrEqual(frame.y);
      expect(y).toBeLessThanOrEqual(frame.y + frame.height);
    }
  });

  it("chooses a 1-2-5 scale bar of a readable length", () => {
    const plan = fitPlan({ features: [{ role: "subject", geometry: rect(150, 80) }] }, frame)!;
    expect(plan.scaleDenominator).toBe(1000);
    expect(
      [1, 2, 5].some(
        (m) => plan.scaleBar.metres / m === 10 ** Math.round(Math.log10(plan.scaleBar.metres / m)),
      ),
    ).toBe(true);
    expect(plan.scaleBar.lengthPt).toBeGreaterThan(40);
    expect(plan.scaleBar.lengthPt).toBeLessThan(frame.width * 0.35);
  });

  it("projects longitude/latitude (EPSG:4490) to metres around the plan", () => {
    const lonlat = {
      type: "Polygon" as const,
      coordinates: [
        [
          [113.1, 23.0],
          [113.101, 23.0],
          [113.101, 23.001],
          [113.1, 23.001],
          [113.1, 23.0],
        ],
      ],
    };
    const plan = fitPlan({ units: "degrees", features: [{ role: "subject", geometry: lonlat }] }, frame)!;
    // ~102 m × ~111 m: 111 mm at 1:1000 exceeds the 88.9 mm frame, so 1:1500.
    expect(plan.scaleDenominator).toBe(1500);
    const ring = plan.features[0]!.rings[0]!;
    const widthM = ((ring[1]![0] - ring[0]![0]) * (25.4 / 72) * 1500) / 1000;
    expect(widthM).toBeCloseTo(102.5, 0);
  });

  it("writes the subject's edge lengths for a floor plan", () => {
    const plan = fitPlan(
      { dimensions: true, features: [{ role: "subject", geometry: rect(12.3, 9.8) }] },
      frame,
    )!;
    expect(plan.edges.map((e) => e.text).sort()).toEqual(["12.30", "12.30", "9.80", "9.80"]);
    expect(fitPlan({ features: [] }, frame)).toBeUndefined();
  });
});
