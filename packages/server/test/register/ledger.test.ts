import {
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  verifyConsistency,
  verifyInclusion,
  verifyTreeHead,
} from "@yulin/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../src/platform/audit/audit";
import { contentOf, listEntriesById } from "../../src/register/ledger.repository";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
const get = (url: string, cookie?: string) =>
  env.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });

/** Adds `n` small parcels through the ledger (enough entries for stored Merkle nodes). */
async function growLedger(n: number, offset: number) {
  const { cadastre } = env.services.register;
  const ctx = systemContext("test");
  for (let i = 0; i < n; i += 50) {
    const parcels = [];
    for (let j = i; j < Math.min(n, i + 50); j++) {
      const x = 114 + ((offset + j) % 100) * 0.001;
      const y = 24 + Math.floor((offset + j) / 100) * 0.001;
      parcels.push({
        parcel: `440604009001GB${String(offset + j + 1).padStart(5, "0")}`,
        unit: null,
        body: {
          kind: "parcel.create" as const,
          parcel: {
            area: 100,
            landUse: null,
            landUseStandard: null,
            landGrade: null,
            address: `测试路${offset + j}号`,
            vertical: { kind: "surface" as const, min: null, max: null },
            geometry: {
              type: "Polygon" as const,
              coordinates: [
                [
                  [x, y],
                  [x + 0.0005, y],
                  [x + 0.0005, y + 0.0005],
                  [x, y + 0.0005],
                  [x, y],
                ],
              ],
            },
          },
        },
      });
    }
    await cadastre.record(ctx, parcels);
  }
}

beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => env?.close());

describe("the hash chain", () => {
  it("hashes every entry as SM3(prev hash ‖ canonical JSON of its content), from the genesis hash", async () => {
    await env.services.register.sequencer.flush();
    const rows = await listEntriesById(env.services.db);
    expect(rows.length).toBeGreaterThan(50);
    let prev = GENESIS_HASH;
    rows.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.logIndex).toBe(i + 1);
      expect(entry.prevHash).toBe(prev);
      expect(entry.hash).toBe(entryHash(prev, contentOf(entry)));
      prev = entry.hash;
    });
    // Personal numbers are in the ledger only sealed (SM4) and hashed.
    expect(rows.map((r) => canonicalJson(r.body)).join("")).not.toMatch(/\b44060419850312\d{4}\b/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of entries, Merkle nodes and signed heads", async () => {
    const db = env.services.db;
    await expect(sql`update register_entries set kind = 'x' where seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from register_entries where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate register_entries`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ledger_tree_heads`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate merkle_nodes`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update ledger_tree_heads set signature = signature`.execute(db)).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("signed tree heads and proofs (checked with the domain's verifiers)", () => {
  let publicKey: string;
  let firstHead: { treeSize: number; rootHash: string; timestamp: string; signature: string };

  it("publishes the seal key and a signed head anyone can verify offline", async () => {
    const key = (await get("/api/register/ledger/seal-key")).json();
    publicKey = key.publicKey;
    expect(key.pem).toContain("BEGIN PUBLIC KEY");
    firstHead = (await get("/api/register/ledger/head")).json();
    expect(verifyTreeHead(firstHead, publicKey)).toBe(true);
    expect(verifyTreeHead({ ...firstHead, treeSize: firstHead.treeSize + 1 }, publicKey)).toBe(false);
  });

  it("signs a new head on demand for registrars, not for citizens", async () => {
    await growLedger(600, 0);
    const citizen = await loginAs(env.app, "citizen.zhang");
    const refused = await env.app.inject({
      method: "POST",
      url: "/api/register/ledger/heads",
      headers: { cookie: citizen },
    });
    expect(refused.statusCode).toBe(404);
    const registrar = await loginAs(env.app, "chancheng.dengbu");
    const signed = await env.app.inject({
      method: "POST",
      url: "/api/register/ledger/heads",
      headers: { cookie: registrar },
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().treeSize).toBe(firstHead.treeSize + 600);
    expect(verifyTreeHead(signed.json(), publicKey)).toBe(true);
    const stored = await env.services.db.selectFrom("merkle_nodes").select(["level"]).execute();
    expect(stored.some((n) => n.level === 9)).toBe(true);
  });

  it("proves the inclusion of entries old and new against the latest head", async () => {
    const head = (await get("/api/register/ledger/head")).json();
    for (const seq of [1, 2, 255, 256, 257, 511, 512, head.treeSize - 1, head.treeSize]) {
      const proof = (await get(`/api/register/ledger/proofs/inclusion?seq=${seq}`)).json();
      expect(proof.head).toEqual(head);
      expect(
        verifyInclusion({
          leafHash: proof.entryHash,
          index: proof.index,
          treeSize: proof.treeSize,
          proof: proof.proof,
          root: head.rootHash,
        }),
      ).toBe(true);
      // A proof for one entry does not prove another.
      expect(
        verifyInclusion({
          leafHash: proof.entryHash,
          index: (proof.index + 1) % proof.treeSize,
          treeSize: proof.treeSize,
          proof: proof.proof,
          root: head.rootHash,
        }),
      ).toBe(false);
    }
  });

  it("proves inclusion against an earlier signed head", async () => {
    const proof = (
      await get(`/api/register/ledger/proofs/inclusion?seq=3&treeSize=${firstHead.treeSize}`)
    ).json();
    expect(proof.head.rootHash).toBe(firstHead.rootHash);
    expect(
      verifyInclusion({
        leafHash: proof.entryHash,
        index: 2,
        treeSize: firstHead.treeSize,
        proof: proof.proof,
        root: firstHead.rootHash,
      }),
    ).toBe(true);
    const beyond = await get(
      `/api/register/ledger/proofs/inclusion?seq=${firstHead.treeSize + 5}&treeSize=${firstHead.treeSize}`,
    );
    expect(beyond.json().code).toBe("REGISTER.TREE_SIZE");
  });

  it("signs a head covering a new entry when a proof needs one", async () => {
    await growLedger(3, 600);
    const head = (await get("/api/register/ledger/head")).json();
    const proof = (await get(`/api/register/ledger/proofs/inclusion?seq=${head.treeSize + 3}`)).json();
    expect(proof.treeSize).toBe(head.treeSize + 3);
    expect(verifyTreeHead(proof.head, publicKey)).toBe(true);
    expect(
      verifyInclusion({
        leafHash: proof.entryHash,
        index: proof.index,
        treeSize: proof.treeSize,
        proof: proof.proof,
        root: proof.head.rootHash,
      }),
    ).toBe(true);
  });

  it("proves that a later head only appended to an earlier one", async () => {
    const heads = (await get("/api/register/ledger/heads")).json().heads as Array<{
      treeSize: number;
      rootHash: string;
    }>;
    expect(heads.length).toBeGreaterThanOrEqual(3);
    const latest = heads[0]!;
    for (const older of heads.slice(1)) {
      const res = (
        await get(`/api/register/ledger/proofs/consistency?from=${older.treeSize}&to=${latest.treeSize}`)
      ).json();
      expect(
        verifyConsistency({
          oldSize: older.treeSize,
          oldRoot: older.rootHash,
          newSize: latest.treeSize,
          newRoot: latest.rootHash,
          proof: res.proof,
        }),
      ).toBe(true);
      expect(
        verifyConsistency({
          oldSize: older.treeSize,
          oldRoot: latest.rootHash,
          newSize: latest.treeSize,
          newRoot: latest.rootHash,
          proof: res.proof,
        }),
      ).toBe(false);
    }
  });

  it("shows an entry's content to staff of its jurisdiction only", async () => {
    const staff = await loginAs(env.app, "chancheng.shenhe");
    const other = await loginAs(env.app, "beilin.shenhe");
    expect((await get("/api/register/ledger/entries/1", staff)).json()).toMatchObject({
      seq: 1,
      jurisdiction: "440604",
    });
    expect((await get("/api/register/ledger/entries/1", other)).statusCode).toBe(404);
  });
});
