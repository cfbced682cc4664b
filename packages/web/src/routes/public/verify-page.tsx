import { PlaceholderPage } from "../../features/shell/components/placeholder-page";
import { useT } from "../../i18n";

/** `/verify`: 证书核验 — anyone checks a certificate's QR code; no login. */
export function VerifyPage() {
  const t = useT();
  return <PlaceholderPage title={t("page.verify.title")} description={t("page.verify.soon")} />;
}
