import { parseUnitCode } from "@yulin/domain";
import type { RequestContext } from "../platform/audit/audit";
import { AppError } from "../platform/errors";
import type { ArchiveDeps, ArchiveService } from "./archive.service";
import { authorizeArchive } from "./archive-access";
import { jsonFile, type PackageFile, safeName } from "./archive-package";

const COLUMNS = ["archive_no", "unit_code", "title", "year", "retention", "pages"] as const;
const MAGIC: Array<[string, (b: Buffer) => boolean]> = [
  ["application/pdf", (b) => b.subarray(0, 5).toString("latin1") === "%PDF-"],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8],
  ["image/png", (b) => b[0] === 0x89 && b.subarray(1, 4).toString("latin1") === "PNG"],
  ["image/tiff", (b) => ["II*\u0000", "MM\u0000*"].includes(b.subarray(0, 4).toString("latin1"))],
];

/** One CSV line: commas, fields in double quotes may hold commas and "" for a quote. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      out.push(cur.trim());
      cur = "";
    } else {
      cur += c;
    }
  }
  out.push(cur.trim());
  return out;
}

type Row = Record<(typeof COLUMNS)[number], string>;

/**
 * 纸质档案数字化成果导入: a catalogue (CSV: archive_no, unit_code, title, year, retention, pages
 * with page file names separated by `|`) and the scanned pages. Every row becomes a package linked
 * to its unit by code; any error in the catalogue or the scans refuses the whole import.
 */
export function createLegacyImport(deps: ArchiveDeps, archive: ArchiveService) {
  return async function importLegacy(
    ctx: RequestContext,
    input: {
      jurisdiction: string;
      catalogueCsv: string;
      pages: Array<{ name: string; contentBase64: string }>;
    },
  ) {
    await authorizeArchive(deps.db, ctx, "archive.manage", {
      jurisdiction: input.jurisdiction,
      id: "legacy-import",
    });
    const lines = input.catalogueCsv
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "");
    const header = csvFields(lines[0] ?? "");
    const problems: string[] = [];
    if (COLUMNS.some((c, i) => header[i] !== c))
      problems.push(`line 1: the columns must be ${COLUMNS.join(",")}`);
    const pages = new Map(input.pages.map((p) => [p.name, Buffer.from(p.contentBase64, "base64")]));
    const rows: Array<Row & { line: number }> = [];
    for (const [i, line] of lines.slice(1).entries()) {
      const f = csvFields(line);
      const row = Object.fromEntries(COLUMNS.map((c, k) => [c, f[k] ?? ""])) as Row;
      const at = `line ${i + 2}`;
      if (!/^[\w-]{4,60}$/.test(row.archive_no)) problems.push(`${at}: archive_no`);
      if (!parseUnitCode(row.unit_code).ok || !row.unit_code.startsWith(input.jurisdiction))
        problems.push(`${at}: unit_code ${row.unit_code}`);
      else if (!(await deps.ports.unitExists(row.unit_code)))
        problems.push(`${at}: unit ${row.unit_code} is not in the register`);
      if (!row.title) problems.push(`${at}: title`);
      if (!/^(19|20)\d\d$/.test(row.year)) problems.push(`${at}: year`);
      if (!["permanent", "30y", "10y"].includes(row.retention)) problems.push(`${at}: retention`);
      for (const name of row.pages.split("|").filter(Boolean)) {
        const bytes = pages.get(name);
        if (!bytes) problems.push(`${at}: page ${name} was not uploaded`);
        else if (!MAGIC.some(([, ok]) => ok(bytes)))
          problems.push(`${at}: page ${name} is not a PDF, JPEG, PNG or TIFF scan`);
      }
      if (!row.pages) problems.push(`${at}: no pages`);
      rows.push({ ...row, line: i + 2 });
    }
    if (rows.length === 0) problems.push("the catalogue has no rows");
    if (problems.length > 0) throw new AppError("ARCHIVE.LEGACY_INVALID", { problems });
    const imported = [];
    for (const row of rows) {
      const files: PackageFile[] = row.pages
        .split("|")
        .filter(Boolean)
        .map((name, k) => {
          const bytes = pages.get(name)!;
          const mediaType = MAGIC.find(([, ok]) => ok(bytes))![0];
          return {
            path: `scans/${String(k + 1).padStart(4, "0")}-${safeName(name)}`,
            role: "scan",
            title: name,
            mediaType,
            bytes,
          };
        });
      files.push(jsonFile("content/catalogue.json", "catalogue", "档案目录 Catalogue entry", { ...row }));
      const done = await archive.ingest(
        ctx,
        {
          title: row.title,
          category: "legacy",
          retention: row.retention,
          year: Number(row.year),
          jurisdiction: input.jurisdiction,
          unitCode: row.unit_code,
          caseId: null,
        },
        files,
        "legacy",
        `${input.jurisdiction}-LS-${row.archive_no}`,
      );
      imported.push(done.archiveNo);
    }
    return { imported };
  };
}
