import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BrowserRouter } from "react-router";
import { LanguageProvider } from "../i18n";
import { AntdProvider } from "./antd-provider";
import { AppRoutes } from "./app-routes";
import { createQueryClient } from "./query-client";

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <AntdProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AntdProvider>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
