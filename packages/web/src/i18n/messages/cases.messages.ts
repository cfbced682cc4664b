import type { Messages } from "./messages";

export const casesZh = {} as const;

export const casesEn: Messages<typeof casesZh> = {};
