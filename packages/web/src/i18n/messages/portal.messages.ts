import type { Messages } from "./messages";

export const portalZh = {} as const;

export const portalEn: Messages<typeof portalZh> = {};
