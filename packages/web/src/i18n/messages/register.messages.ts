import type { Messages } from "./messages";

export const registerZh = {} as const;

export const registerEn: Messages<typeof registerZh> = {};
