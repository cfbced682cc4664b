import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useLanguage, useT } from "../../../i18n";

/** Switches between Chinese and English; the button names the language it switches to. */
export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const other = language === "zh-CN" ? "en" : "zh-CN";
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(other)}
      aria-label={`${t("language.label")}: ${t(`language.${other}`)}`}
      lang={other}
      data-testid="language-switch"
    >
      {t(`language.${other}`)}
    </Button>
  );
}
