/**
 * Kysely table types: one file per owning capability in schema/; `DB` names every table. Kept in
 * step with migrations/ by hand (the string unions and comments say more than information_schema),
 * and held to a freshly migrated database by test/db-schema.test.ts (every table and column, type
 * and nullability).
 */

import type { ArchiveEventsTable, ArchiveLoansTable, ArchiveRecordsTable } from "./schema/archive";
import type {
  AccountKeysTable,
  CaseFilesTable,
  CaseMaterialsTable,
  CasePartiesTable,
  CasePartsTable,
  CaseRatingsTable,
  CaseRepaymentsTable,
  CaseSignaturesTable,
  CasesTable,
  CaseTransitionsTable,
  ScheduledEffectsTable,
  SchedulerRunsTable,
} from "./schema/cases";
import type {
  CertificateDeliveriesTable,
  CertificateFilesTable,
  CertificateNumberSeriesTable,
  CertificatePrintsTable,
  CertificateRecipientsTable,
  CertificatesTable,
} from "./schema/certificates";
import type {
  AccountsTable,
  ApiTokensTable,
  AuditLogTable,
  HolidaySchedulesTable,
  HolidaysTable,
  HolidayYearsTable,
  IdempotencyKeysTable,
  InstitutionsTable,
  LoginThrottlesTable,
  OfficesTable,
  SessionsTable,
  SettingsTable,
  SmsChallengesTable,
  StaffRolesTable,
} from "./schema/foundation";
import type {
  ConnectorHealthTable,
  FetchedMaterialsTable,
  InboundMessagesTable,
  InboundNoncesTable,
  InstitutionConnectionsTable,
  OutboxTable,
  PaymentAllocationsTable,
  PaymentOrdersTable,
  PaymentPartsTable,
  PaymentRefundsTable,
  ReconciliationReportsTable,
  SimulatorRecordsTable,
  TaxAssessmentsTable,
  TaxConfirmationsTable,
  TaxDeclarationsTable,
  UtilityTransfersTable,
} from "./schema/integrations";
import type { NationalReportsTable } from "./schema/national";
import type { ProjectBuildingsTable, ProjectNoticesTable, ProjectsTable } from "./schema/projects";
import type { QueryApplicationsTable, QueryBlocksTable, QueryLogTable } from "./schema/queries";
import type {
  BuildingsTable,
  CadastralZonesTable,
  CodeSequencesTable,
  EncumbrancesTable,
  LedgerHeadTable,
  LedgerLeavesTable,
  LedgerQueueTable,
  LedgerReceiptsTable,
  LedgerTreeHeadsTable,
  MerkleNodesTable,
  ParcelsTable,
  RegisterEntriesTable,
  RegisterImportHoldersTable,
  RegisterImportProgressTable,
  RegisterImportRejectionsTable,
  RegisterImportsTable,
  RightHoldersTable,
  RightsTable,
  SealKeysTable,
  UnitsTable,
} from "./schema/register";
import type {
  IntegrityAlertFollowUpsTable,
  IntegrityAlertsTable,
  IntegrityThresholdsTable,
} from "./schema/supervision";
import type {
  CaseDayFiguresTable,
  CompensationClaimsTable,
  ComplaintsTable,
  EncumbranceDayFiguresTable,
  StaffDayFiguresTable,
} from "./schema/transparency";

export type * from "./schema/archive";
export type * from "./schema/cases";
export type * from "./schema/certificates";
export type * from "./schema/foundation";
export type * from "./schema/integrations";
export type * from "./schema/national";
export type * from "./schema/projects";
export type * from "./schema/queries";
export type * from "./schema/register";
export type * from "./schema/supervision";
export type * from "./schema/transparency";

export type DB = {
  projects: ProjectsTable;
  project_buildings: ProjectBuildingsTable;
  project_notices: ProjectNoticesTable;
  integrity_alerts: IntegrityAlertsTable;
  integrity_alert_follow_ups: IntegrityAlertFollowUpsTable;
  integrity_thresholds: IntegrityThresholdsTable;
  offices: OfficesTable;
  institutions: InstitutionsTable;
  accounts: AccountsTable;
  staff_roles: StaffRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttles: LoginThrottlesTable;
  sms_challenges: SmsChallengesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  holidays: HolidaysTable;
  holiday_years: HolidayYearsTable;
  holiday_schedules: HolidaySchedulesTable;
  settings: SettingsTable;
  cadastral_zones: CadastralZonesTable;
  code_sequences: CodeSequencesTable;
  ledger_head: LedgerHeadTable;
  register_entries: RegisterEntriesTable;
  ledger_leaves: LedgerLeavesTable;
  ledger_queue: LedgerQueueTable;
  ledger_receipts: LedgerReceiptsTable;
  merkle_nodes: MerkleNodesTable;
  seal_keys: SealKeysTable;
  ledger_tree_heads: LedgerTreeHeadsTable;
  parcels: ParcelsTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  rights: RightsTable;
  right_holders: RightHoldersTable;
  encumbrances: EncumbrancesTable;
  register_imports: RegisterImportsTable;
  register_import_progress: RegisterImportProgressTable;
  register_import_rejections: RegisterImportRejectionsTable;
  register_import_holders: RegisterImportHoldersTable;
  outbox: OutboxTable;
  connector_health: ConnectorHealthTable;
  institution_connections: InstitutionConnectionsTable;
  inbound_nonces: InboundNoncesTable;
  inbound_messages: InboundMessagesTable;
  tax_declarations: TaxDeclarationsTable;
  tax_assessments: TaxAssessmentsTable;
  tax_confirmations: TaxConfirmationsTable;
  payment_orders: PaymentOrdersTable;
  payment_parts: PaymentPartsTable;
  payment_allocations: PaymentAllocationsTable;
  payment_refunds: PaymentRefundsTable;
  reconciliation_reports: ReconciliationReportsTable;
  fetched_materials: FetchedMaterialsTable;
  simulator_records: SimulatorRecordsTable;
  utility_transfers: UtilityTransfersTable;
  cases: CasesTable;
  case_parts: CasePartsTable;
  case_parties: CasePartiesTable;
  case_signatures: CaseSignaturesTable;
  case_files: CaseFilesTable;
  case_materials: CaseMaterialsTable;
  case_transitions: CaseTransitionsTable;
  case_ratings: CaseRatingsTable;
  case_repayments: CaseRepaymentsTable;
  account_keys: AccountKeysTable;
  scheduled_effects: ScheduledEffectsTable;
  scheduler_runs: SchedulerRunsTable;
  certificate_number_series: CertificateNumberSeriesTable;
  certificate_files: CertificateFilesTable;
  certificates: CertificatesTable;
  certificate_recipients: CertificateRecipientsTable;
  certificate_prints: CertificatePrintsTable;
  certificate_deliveries: CertificateDeliveriesTable;
  query_applications: QueryApplicationsTable;
  query_log: QueryLogTable;
  query_blocks: QueryBlocksTable;
  case_day_figures: CaseDayFiguresTable;
  staff_day_figures: StaffDayFiguresTable;
  encumbrance_day_figures: EncumbranceDayFiguresTable;
  complaints: ComplaintsTable;
  compensation_claims: CompensationClaimsTable;
  national_reports: NationalReportsTable;
  archive_records: ArchiveRecordsTable;
  archive_loans: ArchiveLoansTable;
  archive_events: ArchiveEventsTable;
};
