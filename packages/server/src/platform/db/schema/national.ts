import type { ColumnType } from "kysely";
import type { CreatedAt, Timestamp } from "./columns";

/** 登簿日志上报 (integrations/national/). */
export type NationalReportsTable = {
  report_id: string;
  case_id: string;
  jurisdiction: string;
  unit_code: string;
  type_id: string;
  registered_at: Timestamp;
  report_day: string;
  entry_seqs: ColumnType<number[], string, string>;
  status: "pending" | "delivered" | "acknowledged" | "rejected";
  sends: ColumnType<number, number | undefined, number>;
  last_sent_at: Timestamp;
  ack_no: string | null;
  acked_at: Timestamp | null;
  duplicate_acks: ColumnType<number, number | undefined, number>;
  rejection: string | null;
  created_at: CreatedAt;
};
