import { describe, expect, it } from "vitest";
import {
  boundingBox,
  parcelsConflict,
  polygonsOverlap,
  validatePolygon,
  validateVertical,
  verticalRangesOverlap,
} from "./geometry";
import type { Polygon, VerticalRange } from "./register.types";

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const surface: VerticalRange = { kind: "surface", min: null, max: null };
const above = (min: number): VerticalRange => ({ kind: "above", min, max: null });
const below = (max: number): VerticalRange => ({ kind: "below", min: null, max });

describe("footprint overlap", () => {
  it("finds overlapping, contained and identical footprints", () => {
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(1, 1, 3, 3))).toBe(true);
    expect(polygonsOverlap(rect(0, 0, 4, 4), rect(1, 1, 2, 2))).toBe(true);
    expect(polygonsOverlap(rect(1, 1, 2, 2), rect(0, 0, 4, 4))).toBe(true);
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(0, 0, 2, 2))).toBe(true);
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(1, 0, 3, 2))).toBe(true);
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(0, 0, 1, 2))).toBe(true);
  });

  it("lets neighbours share an edge or a corner", () => {
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(2, 0, 4, 2))).toBe(false);
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(2, 2, 4, 4))).toBe(false);
    expect(polygonsOverlap(rect(0, 0, 2, 2), rect(5, 5, 6, 6))).toBe(false);
  });

  it("works at CGCS2000 longitude/latitude precision", () => {
    const a = rect(113.1201, 23.0201, 113.1209, 23.0207);
    expect(polygonsOverlap(a, rect(113.1209, 23.0201, 113.1215, 23.0207))).toBe(false);
    expect(polygonsOverlap(a, rect(113.12089, 23.0201, 113.1215, 23.0207))).toBe(true);
  });

  it("handles a concave (L-shaped) parcel and a square in its notch", () => {
    const l: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 2],
          [2, 2],
          [2, 4],
          [0, 4],
          [0, 0],
        ],
      ],
    };
    expect(polygonsOverlap(l, rect(2, 2, 4, 4))).toBe(false);
    expect(polygonsOverlap(l, rect(1, 1, 3, 3))).toBe(true);
  });

  it("computes the bounding box", () => {
    expect(boundingBox(rect(1, 2, 3, 5))).toEqual({ minX: 1, minY: 2, maxX: 3, maxY: 5 });
  });
});

describe("polygon validation", () => {
  it("accepts a closed simple ring", () => {
    expect(validatePolygon(rect(0, 0, 1, 1))).toEqual([]);
  });
  it.each([
    ["not an object", 5],
    ["wrong type", { type: "Point", coordinates: [0, 0] }],
    [
      "open ring",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
    ],
    [
      "bow tie",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [2, 2],
            [2, 0],
            [0, 2],
            [0, 0],
          ],
        ],
      },
    ],
    [
      "NaN",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, Number.NaN],
            [1, 1],
            [0, 0],
          ],
        ],
      },
    ],
    [
      "zero area",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [2, 2],
            [0, 0],
          ],
        ],
      },
    ],
  ])("refuses %s", (_name, value) => {
    expect(validatePolygon(value).map((f) => f.code)).toEqual(["REGISTER.GEOMETRY"]);
  });
});

describe("3D parcels: vertical ranges", () => {
  it("treats ranges as half-open, so layers may touch", () => {
    expect(verticalRangesOverlap(below(-5), above(-5))).toBe(false);
    expect(verticalRangesOverlap(below(-5), above(-6))).toBe(true);
    expect(verticalRangesOverlap(surface, above(30))).toBe(true);
    expect(verticalRangesOverlap({ kind: "surface", min: -10, max: 30 }, above(30))).toBe(false);
    expect(verticalRangesOverlap({ kind: "between", min: -20, max: -10 }, below(-15))).toBe(true);
  });

  it("two parcels may share a footprint only at disjoint vertical ranges", () => {
    const footprint = rect(0, 0, 10, 10);
    const road = { geometry: footprint, vertical: { kind: "surface", min: -3, max: 20 } as VerticalRange };
    expect(parcelsConflict(road, { geometry: footprint, vertical: below(-3) })).toBe(false);
    expect(parcelsConflict(road, { geometry: footprint, vertical: below(-2) })).toBe(true);
    expect(parcelsConflict(road, { geometry: rect(10, 0, 20, 10), vertical: surface })).toBe(false);
    expect(
      parcelsConflict(
        { geometry: footprint, vertical: surface },
        { geometry: footprint, vertical: below(-3) },
      ),
    ).toBe(true);
  });

  it("checks the range against the feature code (S above, X below)", () => {
    expect(validateVertical("X", below(-3))).toEqual([]);
    expect(validateVertical("S", above(30))).toEqual([]);
    expect(validateVertical("B", surface)).toEqual([]);
    expect(validateVertical("X", surface).map((f) => f.code)).toEqual(["REGISTER.VERTICAL_RANGE"]);
    expect(validateVertical("B", below(-3)).map((f) => f.code)).toEqual(["REGISTER.VERTICAL_RANGE"]);
    expect(validateVertical("X", { kind: "between", min: -3, max: -10 }).map((f) => f.code)).toEqual([
      "REGISTER.VERTICAL_RANGE",
    ]);
    expect(validateVertical("S", { kind: "above", min: null, max: 3 }).map((f) => f.code)).toEqual([
      "REGISTER.VERTICAL_RANGE",
    ]);
  });
});
