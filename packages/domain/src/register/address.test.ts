import { describe, expect, it } from "vitest";
import { addressGrams, normaliseAddress } from "./address";

describe("address bigrams", () => {
  it("normalises full-width digits, spaces and punctuation", () => {
    expect(normaliseAddress("岭南大道 ８８号（3座）1502房")).toBe("岭南大道88号3座1502房");
  });
  it("gives the distinct bigrams, so a query's bigrams are a subset of the address's", () => {
    const address = addressGrams("佛山市禅城区岭南大道88号");
    const query = addressGrams("岭南大道88");
    expect(query.every((g) => address.includes(g))).toBe(true);
    expect(addressGrams("禅")).toEqual(["禅"]);
    expect(addressGrams("aa aa")).toEqual(["AA"]);
  });
});
