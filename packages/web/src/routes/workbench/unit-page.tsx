import { useNavigate, useParams } from "react-router";
import { UnitDetail } from "../../features/register/components/unit-detail";

/** `/workbench/units/:code`: a unit's register, history, building table and parcel map. */
export function UnitPage() {
  const { code = "" } = useParams();
  const navigate = useNavigate();
  return <UnitDetail key={code} code={code} openUnit={(next) => navigate(`/workbench/units/${next}`)} />;
}
