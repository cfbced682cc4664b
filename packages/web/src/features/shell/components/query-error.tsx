import { Alert, Button } from "antd";
import { useCallback } from "react";
import { errorMessageOf } from "../../../api/client";
import { useLanguage, useT } from "../../../i18n";

/** A failed call, in the reader's language, with the server's code for support and a retry. */
export function QueryError({ error, retry }: { error: unknown; retry?: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="query-error"
      title={errorMessageOf(error, language)}
      description={code ? `${t("common.errorCode")}: ${code}` : undefined}
      action={retry ? <Button onClick={retry}>{t("common.retry")}</Button> : undefined}
    />
  );
}

/** The message of an error in the reader's language (for forms and notifications). */
export function useErrorText(): (error: unknown) => string {
  const { language } = useLanguage();
  return useCallback((error: unknown) => errorMessageOf(error, language), [language]);
}
