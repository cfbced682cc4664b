import { describe, expect, it } from "vitest";
import { findServiceGuide } from "../../catalogue/catalogue";
import { buildCreateRequest } from "./use-apply";

const sale = findServiceGuide("transfer.sale")!;

describe("the application request", () => {
  it("names an agent acting for the buyer and leaves the parties to sign", () => {
    const request = buildCreateRequest(
      sale,
      { username: "agent.anju" },
      {
        unitCode: "440604 001002 GB00003 F00010006",
        as: "agent",
        parties: [
          { role: "right-holder", account: "citizen.li" },
          { role: "obligor", account: "citizen.zhang" },
        ],
        price: 1_500_000,
        documentNo: "WQ2026-1",
      },
    );
    expect(request.unitCode).toBe("440604001002GB00003F00010006");
    expect(request.confirm).toBe(false);
    expect(request.parts?.[0]?.parties?.[0]).toEqual({
      role: "agent",
      account: "agent.anju",
      actsFor: { account: "citizen.li" },
    });
    expect(request.parts?.[0]?.details).toMatchObject({
      priceFen: 150_000_000,
      documentNo: "WQ2026-1",
      coOwnership: "sole",
    });
  });

  it("signs at once when the caller applies as a party, with others named by ID card", () => {
    const request = buildCreateRequest(
      sale,
      { username: "citizen.li" },
      {
        unitCode: "440604001002GB00003F00010006",
        as: "right-holder",
        parties: [{ role: "obligor", name: "张伟", idNumber: "440604198503121010" }],
      },
    );
    expect(request.confirm).toBe(true);
    expect(request.parts?.[0]?.parties).toEqual([
      { role: "right-holder", account: "citizen.li" },
      { role: "obligor", name: "张伟", idType: "1", idNumber: "440604198503121010" },
    ]);
  });
});
