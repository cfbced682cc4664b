import { maskPhone } from "@yulin/domain";
import type { Logger } from "pino";
import type { SignedClient } from "../shared/http-client";
import type { SimulatorStore } from "../shared/simulator-store.repository";

/** The texts Yulin sends by SMS (短信模板), as registered with the carrier's gateway. */
export const SMS_TEMPLATES = {
  "sign-up-code": "【不动产登记】您的注册验证码为{code}，5分钟内有效，请勿告知他人。",
  "password-reset-code": "【不动产登记】您正在重置密码，验证码为{code}，5分钟内有效。如非本人操作请忽略。",
} as const;
export type SmsTemplate = keyof typeof SMS_TEMPLATES;

export type SmsMessage = {
  phone: string;
  template: SmsTemplate;
  params: Readonly<Record<string, string>>;
  /** Idempotency key: a retry with the same ref sends nothing new. */
  ref: string;
};

export type SmsConnector = { mode: "simulator" | "http"; send(message: SmsMessage): Promise<void> };

export function renderSms(template: SmsTemplate, params: Readonly<Record<string, string>>): string {
  return SMS_TEMPLATES[template].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? "");
}

/** HTTP: POST {base}/sms/send {phone, template, params} (signed), idempotent by `ref`. */
export function createHttpSmsConnector(client: SignedClient): SmsConnector {
  return {
    mode: "http",
    async send(message) {
      await client.post(
        "sms/send",
        { phone: message.phone, template: message.template, params: message.params },
        `sms:${message.ref}`,
      );
    },
  };
}

/**
 * The simulated gateway keeps every message (sealed: the text holds the code) for the operator
 * page, and writes it to the development log, as a phone would receive it.
 */
export function createSmsSimulator(deps: {
  store: SimulatorStore;
  log: Logger;
  now: () => Date;
}): SmsConnector {
  return {
    mode: "simulator",
    async send(message) {
      const text = renderSms(message.template, message.params);
      const fresh = await deps.store.put(
        "sms",
        "message",
        message.ref,
        {
          template: message.template,
          phoneMasked: maskPhone(message.phone),
          sentAt: deps.now().toISOString(),
        },
        { personal: { phone: message.phone, text }, onlyIfAbsent: true },
      );
      if (fresh) deps.log.info({ sms: { to: maskPhone(message.phone), text } }, "模拟短信 simulated SMS");
    },
  };
}

export type SimulatedSms = { ref: string; phone: string; text: string; template: string; sentAt: string };

/** The simulated gateway's messages, newest first (operator page; tests read codes here). */
export async function listSimulatedSms(store: SimulatorStore, limit = 50): Promise<SimulatedSms[]> {
  const rows = await store.list("sms", "message");
  const out: SimulatedSms[] = [];
  for (const row of rows.slice(-limit).reverse()) {
    const record = await store.get<{ template: string; sentAt: string }>("sms", "message", row.key);
    const personal = record?._personal as { phone: string; text: string } | undefined;
    if (record && personal) {
      out.push({
        ref: row.key,
        phone: personal.phone,
        text: personal.text,
        template: record.template,
        sentAt: record.sentAt,
      });
    }
  }
  return out;
}
