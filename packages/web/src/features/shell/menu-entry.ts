import type { MessageKey } from "../../i18n";

/** One page of an area: its URL segment under the area, its menu title and what it will offer. */
export type MenuEntry = Readonly<{ segment: string; titleKey: MessageKey; soonKey: MessageKey }>;
