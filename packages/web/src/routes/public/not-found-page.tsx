import { NotFoundResult } from "../../features/shell/components/status-results";

export function NotFoundPage() {
  return <NotFoundResult />;
}
