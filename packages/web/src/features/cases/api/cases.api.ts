import { api, fetchFile } from "../../../api/client";
import type { RequestOf, ResponseOf } from "../../../api/openapi";

/**
 * Shapes of the cases API (`/api/cases/*`). Requests, findings, submit results and the timeline come
 * from the server's OpenAPI document; the case view and summaries are declared there as open
 * objects (`id`, `stage`, `nextActions` …), so the rest of their fields is written out here.
 */

export type Bilingual = { zh: string; en: string };
export type Severity = "block" | "warn" | "info";

export type Finding = ResponseOf<"/api/cases/{id}/findings", "get">["findings"][number];

export type CaseParty = {
  id: string;
  role: string;
  roleName: Bilingual;
  name: string;
  idType: string;
  idNumberMasked: string | null;
  share: string | null;
  hasAccount: boolean;
  signed: boolean;
};

export type CaseMaterial = {
  id: string;
  materialId: string;
  name: string;
  source: "upload" | "e-licence" | "commitment";
  /** 零材料: the department the registry fetched it from, and the document's own number. */
  fetchedFrom: "elicence" | "register" | "housing" | "tax" | null;
  documentNo: string | null;
  fileName: string | null;
  sm3: string | null;
  addedAt: string | null;
};

export type PendingWithdrawal = {
  requestedBy: string;
  requestedAt: string;
  confirmedBy: string[];
  awaiting: string[];
  agreedByYou: boolean;
};

export type CaseView = ResponseOf<"/api/cases/{id}", "get"> & {
  id: string;
  kind: "single" | "combined";
  typeId: string;
  typeName: Bilingual;
  unitCode: string;
  registeringOffice: string;
  acceptingOffice: string | null;
  stage: string;
  stageName: Bilingual;
  contentSm3: string;
  deadline: { promised: string; statutory: string | null; provisional: boolean; paused: boolean } | null;
  correctionItems: string[];
  announcement: unknown;
  instant: { route: "automatic" } | { route: "human"; reasons: string[] } | null;
  parts: {
    partNo: number;
    typeId: string;
    typeName: Bilingual;
    details: Record<string, unknown>;
    entries: number[] | null;
    parties: CaseParty[];
  }[];
  materials: CaseMaterial[];
  signatures: { method: string; current: boolean; party: string | null; signedAt: string | null }[];
  findings: Finding[] | null;
  certificates: { id: string; number: string; kind: string; status: string }[];
  createdAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  registeredAt: string | null;
  closedAt: string | null;
  nextActions: string[];
  /** A joint withdrawal waiting for the other applicants (撤回, R28), or null. */
  withdrawal: PendingWithdrawal | null;
  /** 带押过户（分段）: the old mortgage the case waits on until its bank confirms repayment, or null. */
  repayment: {
    status: "awaiting" | "confirmed";
    mortgageId: string;
    requestedAt: string | null;
    confirmedAt: string | null;
    cancelEntry: number | null;
  } | null;
};

export type CaseSummary = ResponseOf<"/api/cases", "get">["cases"][number] & {
  id: string;
  typeId: string;
  typeName: Bilingual;
  unitCode: string;
  registeringOffice: string;
  acceptingOffice: string | null;
  stage: string;
  deadline: string | null;
  statutoryDeadline?: string | null;
  clockPaused?: boolean;
  createdAt?: string | null;
  daysLate?: number;
};

export type TimelineEntry = ResponseOf<"/api/cases/{id}/timeline", "get">["entries"][number];

export type SubmitResult = ResponseOf<"/api/cases/{id}/submit", "post">;

export type CreateCaseRequest = RequestOf<"/api/cases", "post">;
export type PartyInput = NonNullable<NonNullable<CreateCaseRequest["parts"]>[number]["parties"]>[number];
export type PartDetails = RequestOf<"/api/cases/{id}/parts/{partNo}", "put">;
export type MaterialRequest = RequestOf<"/api/cases/{id}/materials", "post">;

export type StaffAction =
  | "accept"
  | "not-accept"
  | "request-correction"
  | "review"
  | "refuse"
  | "certify"
  | "issue"
  | "archive"
  | "suspend"
  | "resume";

export type Inbox = { queue?: "accepting" | "registering"; stages?: readonly string[] };

const enc = encodeURIComponent;

export const caseKeys = {
  all: ["cases"] as const,
  list: (inbox: Inbox) => ["cases", "list", inbox.queue ?? "", (inbox.stages ?? []).join(",")] as const,
  one: (id: string) => ["cases", "one", id] as const,
  timeline: (id: string) => ["cases", "timeline", id] as const,
  rating: (id: string) => ["cases", "rating", id] as const,
  findings: (id: string, stage: string) => ["cases", "findings", id, stage] as const,
  overdue: ["cases", "overdue"] as const,
  ratings: ["cases", "ratings"] as const,
};

export async function listCases(inbox: Inbox, signal?: AbortSignal): Promise<CaseSummary[]> {
  const query = new URLSearchParams();
  if (inbox.queue) query.set("queue", inbox.queue);
  if (inbox.stages?.length) query.set("stage", inbox.stages.join(","));
  query.set("limit", "200");
  return (await api.get<{ cases: CaseSummary[] }>(`/api/cases?${query}`, { signal })).cases;
}

export const fetchCase = (id: string, signal?: AbortSignal) =>
  api.get<CaseView>(`/api/cases/${enc(id)}`, { signal });
export const fetchCaseTimeline = (id: string, signal?: AbortSignal) =>
  api.get<{ caseId: string; stage: string; entries: TimelineEntry[] }>(`/api/cases/${enc(id)}/timeline`, {
    signal,
  });
export const fetchFindings = (id: string, stage: string, signal?: AbortSignal) =>
  api.get<{ findings: Finding[] }>(`/api/cases/${enc(id)}/findings?stage=${enc(stage)}`, { signal });
export const fetchOverdue = (signal?: AbortSignal) =>
  api.get<{ today: string; cases: CaseSummary[] }>("/api/supervision/cases/overdue", { signal });
export const fetchDueSoon = (signal?: AbortSignal) =>
  api.get<{ today: string; cases: CaseSummary[] }>("/api/supervision/cases/due-soon", { signal });

export const createCase = (request: CreateCaseRequest) =>
  api.post<{ id: string; submitted: SubmitResult | null }>("/api/cases", request);
export const addParty = (id: string, partNo: number, party: PartyInput) =>
  api.post<{ personKey: string }>(`/api/cases/${enc(id)}/parts/${partNo}/parties`, party);
export const removeParty = (id: string, partyId: string) =>
  api.delete<{ ok: true }>(`/api/cases/${enc(id)}/parties/${enc(partyId)}`);
export const updatePart = (id: string, partNo: number, details: PartDetails) =>
  api.put<{ ok: true }>(`/api/cases/${enc(id)}/parts/${partNo}`, details);
export const confirmCase = (id: string) =>
  api.post<{ signedAs: string[]; contentSm3: string }>(`/api/cases/${enc(id)}/confirm`);
export const addMaterial = (id: string, material: MaterialRequest) =>
  api.post<{ id: string; sm3: string }>(`/api/cases/${enc(id)}/materials`, material);
/** 零材料: the registry fetches the material from its department, with the caller's consent. */
export const fetchMaterial = (id: string, materialId: string) =>
  api.post<{ id: string; from: string; digest: string }>(
    `/api/cases/${enc(id)}/materials/${enc(materialId)}/fetch`,
  );
export const submitCase = (id: string) => api.post<SubmitResult>(`/api/cases/${enc(id)}/submit`);
export const withdrawCase = (id: string) =>
  api.post<{ id: string; stage: string; withdrawal?: PendingWithdrawal }>(`/api/cases/${enc(id)}/withdraw`);
export const registerCase = (id: string) =>
  api.post<{
    id: string;
    stage: string;
    findings: Finding[];
    certificates: { id: string; number: string }[];
  }>(`/api/cases/${enc(id)}/register`);
export const recordConsent = (id: string, kind: string, refId?: string) =>
  api.post<{ ok: true }>(`/api/cases/${enc(id)}/consents`, { kind, ...(refId ? { refId } : {}) });

/** A staff stage action; `reasons` for refusals, `items` for a return for correction. */
export function actOnCase(
  id: string,
  action: StaffAction,
  input: { reasons?: string[]; items?: string[] } = {},
) {
  const body =
    action === "request-correction"
      ? { items: input.items ?? [] }
      : action === "refuse" || action === "not-accept" || action === "suspend"
        ? { reasons: input.reasons ?? [] }
        : action === "accept"
          ? {}
          : undefined;
  return api.post<{ id: string; stage: string; findings: Finding[] }>(
    `/api/cases/${enc(id)}/${action}`,
    body,
  );
}

export const fetchMaterialFile = (caseId: string, materialRowId: string) =>
  fetchFile(`/api/cases/${enc(caseId)}/materials/${enc(materialRowId)}/file`);

/** 好差评: the caller's own rating of a finished case, once given. */
export type CaseRating = ResponseOf<"/api/cases/{id}/rating", "post">["rating"];

export const fetchMyRating = async (id: string, signal?: AbortSignal) =>
  (await api.get<{ rating: CaseRating | null }>(`/api/cases/${enc(id)}/rating`, { signal })).rating;

/** 好差评统计 of the supervisor's offices, with the latest bad ratings to follow up. */
export type RatingStats = ResponseOf<"/api/supervision/ratings", "get">;

export const fetchRatingStats = (signal?: AbortSignal) =>
  api.get<RatingStats>("/api/supervision/ratings", { signal });

/** 好差评: the applicant side rates a finished case once (1–5 stars and a comment). */
export const rateCase = async (id: string, rating: { score: number; comment: string }) =>
  (await api.post<{ rating: CaseRating }>(`/api/cases/${enc(id)}/rating`, rating)).rating;

/** Reads a browser file as base64 (without the data-URL prefix) for `addMaterial`. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
