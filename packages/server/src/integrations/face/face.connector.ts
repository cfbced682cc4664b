import { z } from "zod";
import { opensslSm3 } from "../../platform/crypto/sm3";
import type { SignedClient } from "../shared/http-client";
import type { SimulatorStore } from "../shared/simulator-store.repository";

/** 人脸核验: compares a live photo with the portrait on the person's resident ID record. */
export type FaceConnector = {
  mode: "simulator" | "http";
  verify(input: { idNumber: string; image: Buffer; ref: string }): Promise<{ matched: boolean }>;
};

const ZFaceAnswer = z.object({ matched: z.boolean(), score: z.number().optional() });

/** HTTP: POST {base}/face/verify {idNumber, image (base64)} → {matched, score}. */
export function createHttpFaceConnector(client: SignedClient): FaceConnector {
  return {
    mode: "http",
    async verify({ idNumber, image, ref }) {
      const answer = await client.post(
        "face/verify",
        { idNumber, image: image.toString("base64") },
        `face:${ref}`,
      );
      return { matched: ZFaceAnswer.parse(answer).matched };
    },
  };
}

/**
 * The simulated service knows one portrait per person (its SM3 digest): the photo matches when it
 * is that image, byte for byte, and any other image is refused.
 */
export function createFaceSimulator(deps: {
  store: SimulatorStore;
  personKey: (idNumber: string) => string;
}): FaceConnector {
  return {
    mode: "simulator",
    async verify({ idNumber, image }) {
      const record = await deps.store.get<{ digest: string }>("face", "portrait", deps.personKey(idNumber));
      return { matched: record !== undefined && record.digest === opensslSm3(image) };
    },
  };
}

export async function giveSimulatedPortrait(
  store: SimulatorStore,
  personKey: (idNumber: string) => string,
  idNumber: string,
  image: Buffer,
): Promise<void> {
  await store.put("face", "portrait", personKey(idNumber), { digest: opensslSm3(image) });
}
