import { App as AntdApp, ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useLanguage } from "../i18n";

const antdLocales = { "zh-CN": zhCN, en: enUS } as const;

const yulinTheme: ThemeConfig = {
  token: { colorPrimary: "#1658a8", borderRadius: 6 },
};

/** Ant Design in the user's language (its own texts: pagination, date pickers, empty states). */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={antdLocales[language]} theme={yulinTheme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
