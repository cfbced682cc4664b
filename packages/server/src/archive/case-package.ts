import type { CaseDossier } from "../cases/case-dossier";
import type { ArchivePorts } from "./archive.ports";
import { jsonFile, type PackageFile, safeName } from "./archive-package";

/**
 * The files of a case's package: 申请 (application), 当事人 (parties), 材料 (every material, its
 * bytes as submitted), 登记簿 (register entries with inclusion proofs), 证书 (certificates),
 * 签名 (signatures), 流程 (timeline) and 审计 (audit).
 */
export async function casePackageFiles(ports: ArchivePorts, d: CaseDossier): Promise<PackageFile[]> {
  const files: PackageFile[] = [
    jsonFile("content/application.json", "application", "申请 Application", d.application),
    jsonFile("content/parties.json", "parties", "当事人 Parties", d.parties),
    jsonFile("content/signatures.json", "signatures", "电子签名 Signatures", d.signatures),
    jsonFile("content/timeline.json", "timeline", "办理流程 Timeline", d.timeline),
  ];
  const catalogue = [];
  for (const [i, m] of d.materials.entries()) {
    const { file, ...described } = m;
    let stored: string | null = null;
    if (file) {
      const ext =
        { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" }[file.mediaType] ?? "bin";
      stored = `materials/${String(i + 1).padStart(3, "0")}-${safeName(m.materialId)}.${ext}`;
      files.push({
        path: stored,
        role: "material",
        title: m.fileName ?? m.materialId,
        mediaType: file.mediaType,
        bytes: file.bytes,
      });
    }
    catalogue.push({ ...described, path: stored });
  }
  files.push(jsonFile("content/materials.json", "materials", "材料目录 Materials", catalogue));
  const entries = [];
  for (const seq of d.entrySeqs)
    entries.push({ seq, entry: await ports.registerEntry(seq), inclusion: await ports.inclusionProof(seq) });
  files.push(jsonFile("content/register.json", "register", "登记簿记载 Register entries", entries));
  const certificates = await ports.certificatesOf(d.caseId);
  for (const c of certificates)
    if (c.pdf)
      files.push({
        path: `certificates/${safeName(c.number)}.pdf`,
        role: "certificate",
        title: c.number,
        mediaType: "application/pdf",
        bytes: c.pdf,
      });
  files.push(
    jsonFile(
      "content/certificates.json",
      "certificates",
      "证书 Certificates",
      certificates.map(({ pdf, ...c }) => ({
        ...c,
        pdf: pdf ? `certificates/${safeName(c.number)}.pdf` : null,
      })),
    ),
  );
  files.push(jsonFile("content/audit.json", "audit", "审计 Audit", await ports.auditOf(d.caseId)));
  return files;
}
