import { Flex } from "antd";
import {
  ComplaintForm,
  ComplaintLookup,
  PublishedComplaints,
} from "../../features/transparency/components/complaint-views";
import { PublicStatisticsView } from "../../features/transparency/components/public-statistics-view";

/** `/statistics`: 登记统计公开, no login. */
export function PublicStatisticsPage() {
  return (
    <div style={{ maxWidth: 1100, margin: "0 auto", padding: 16 }}>
      <PublicStatisticsView />
    </div>
  );
}

/** `/complaints`: 投诉 without login, the answer by tracking number, and the anonymised publication. */
export function PublicComplaintsPage() {
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100, margin: "0 auto", padding: 16 }}>
      <ComplaintForm />
      <ComplaintLookup />
      <PublishedComplaints />
    </Flex>
  );
}
