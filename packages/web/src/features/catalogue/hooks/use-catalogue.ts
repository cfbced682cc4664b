import { useMemo, useState } from "react";
import { ALL_GUIDES, type CatalogueGroup, type ServiceGuide, searchGuides } from "../catalogue";

/** The guided catalogue's search text and group, and the guides they select. */
export function useCatalogue(options: { applicableOnly: boolean }) {
  const [text, setText] = useState("");
  const [group, setGroup] = useState<CatalogueGroup | "all">("all");
  const guides = useMemo(() => {
    const pool: readonly ServiceGuide[] = options.applicableOnly
      ? ALL_GUIDES.filter((g) => g.applicable)
      : ALL_GUIDES;
    return searchGuides(pool, text, group);
  }, [text, group, options.applicableOnly]);
  return { text, setText, group, setGroup, guides };
}
