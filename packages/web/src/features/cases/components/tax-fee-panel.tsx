import { findBusinessType } from "@yulin/domain/cases/index";
import { App, Button, Descriptions, Flex, Form, Input, InputNumber, Tag, Typography } from "antd";
import { useT } from "../../../i18n";
import { yuanOf } from "../../catalogue/catalogue";
import { useUnit } from "../../register/hooks/use-register";
import { useErrorText } from "../../shell/components/query-error";
import type { CaseView } from "../api/cases.api";
import {
  type DeclareForm,
  declarationRequest,
  paymentOrderRequest,
  useCollaboration,
} from "../hooks/use-collaboration";

/**
 * 税费同缴 at the counter: push the deed tax declaration to the tax department (the parties' ID
 * numbers are typed from their ID cards), then open one payment order for tax and fee whose pay
 * link (a QR page) the payer opens.
 */
export function TaxFeePanel({ view }: { view: CaseView }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { tax, order, declare, pay } = useCollaboration(view.id);
  const unit = useUnit(view.unitCode);
  const [form] = Form.useForm<DeclareForm>();
  const first = view.parts[0];
  const typeId = first?.typeId ?? view.typeId;
  const type = findBusinessType(typeId);
  const parties = first?.parties ?? [];
  const buyers = parties.filter((p) => p.role === "right-holder");
  const sellers = parties.filter((p) => p.role === "obligor");
  const priceFen = typeof first?.details.priceFen === "number" ? first.details.priceFen : 0;
  const documentNo = typeof first?.details.documentNo === "string" ? first.details.documentNo : "";

  const submitDeclaration = async (values: DeclareForm) => {
    try {
      await declare.mutateAsync(declarationRequest(view, unit.data?.unit.address ?? view.unitCode, values));
      message.success(t("collab.declared"));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const openOrder = async () => {
    try {
      await pay.mutateAsync(paymentOrderRequest(view, t("collab.payer")));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Flex vertical gap={12} data-testid="tax-fee-panel">
      {type?.deedTax ? (
        tax.data ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "no", label: t("collab.declarationNo"), children: tax.data.declarationNo },
              {
                key: "status",
                label: t("collab.taxStatus"),
                children: (
                  <Tag data-testid="tax-status" data-status={tax.data.status}>
                    {t(`status.tax.${tax.data.status}`)}
                  </Tag>
                ),
              },
              {
                key: "assessment",
                label: t("collab.assessment"),
                children: tax.data.assessment
                  ? t("common.yuan", { amount: yuanOf(tax.data.assessment.totalFen) })
                  : t("collab.waiting"),
              },
              {
                key: "cleared",
                label: t("collab.cleared"),
                children:
                  tax.data.confirmations.length > 0 ? (
                    <Tag color="green" data-testid="tax-cleared">
                      {t("collab.clearedYes")}
                    </Tag>
                  ) : (
                    <Tag color="orange">{t("collab.clearedNo")}</Tag>
                  ),
              },
            ]}
          />
        ) : unit.isPending ? null : (
          <Form<DeclareForm>
            form={form}
            layout="vertical"
            size="small"
            initialValues={{
              contractNo: documentNo,
              price: priceFen / 100,
              area: unit.data?.unit.buildingArea ?? undefined,
              ids: {},
            }}
            onFinish={(values) => void submitDeclaration(values)}
            data-testid="tax-form"
          >
            <Typography.Paragraph type="secondary">{t("collab.declareIntro")}</Typography.Paragraph>
            <Flex gap={8} wrap>
              <Form.Item name="contractNo" label={t("collab.contractNo")} style={{ flex: "1 1 160px" }}>
                <Input />
              </Form.Item>
              <Form.Item
                name="price"
                label={t("collab.price")}
                rules={[{ required: true }]}
                style={{ flex: "1 1 140px" }}
              >
                <InputNumber min={0} style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item
                name="area"
                label={t("collab.area")}
                rules={[{ required: true }]}
                style={{ flex: "1 1 120px" }}
              >
                <InputNumber min={1} style={{ width: "100%" }} />
              </Form.Item>
            </Flex>
            {[...buyers, ...sellers].map((p) => (
              <Form.Item
                key={p.id}
                name={["ids", p.id]}
                label={t("collab.idOf", {
                  name: p.name,
                  role: p.role === "right-holder" ? t("collab.buyer") : t("collab.seller"),
                })}
                rules={[{ required: true, min: 15, message: t("collab.idRequired") }]}
              >
                <Input data-testid={`tax-id-${p.role}`} autoComplete="off" />
              </Form.Item>
            ))}
            <Button htmlType="submit" type="primary" loading={declare.isPending} data-testid="tax-declare">
              {t("collab.declare")}
            </Button>
          </Form>
        )
      ) : (
        <Typography.Text type="secondary">{t("collab.noDeedTax")}</Typography.Text>
      )}
      {order.data ? (
        <Descriptions
          size="small"
          column={1}
          data-testid="payment-order"
          items={[
            { key: "no", label: t("collab.orderNo"), children: order.data.orderNo },
            {
              key: "total",
              label: t("collab.total"),
              children: t("common.yuan", { amount: yuanOf(order.data.totalFen) }),
            },
            {
              key: "status",
              label: t("collab.orderStatus"),
              children: (
                <Tag color={order.data.status === "paid" ? "green" : "orange"} data-testid="order-status">
                  {t(`status.order.${order.data.status}`)}
                </Tag>
              ),
            },
            ...order.data.parts.map((p) => ({
              key: p.partNo,
              label: p.payer,
              children: p.payPage ? (
                <a href={p.payPage} target="_blank" rel="noreferrer" data-testid="pay-link">
                  {t("collab.payLink", { amount: yuanOf(p.amountFen) })}
                </a>
              ) : (
                t(`status.orderPart.${p.status}`)
              ),
            })),
            ...(order.data.refunds ?? []).map((r) => ({
              key: r.refundNo,
              label: t("collab.refund", { payer: r.payer }),
              children: (
                <span data-testid="payment-refund">
                  {t("common.yuan", { amount: yuanOf(r.amountFen) })}{" "}
                  <Tag color={r.status === "succeeded" ? "green" : r.status === "failed" ? "red" : "orange"}>
                    {t(`collab.refund.${r.status}`)}
                  </Tag>
                  {r.receiptNo ? t("collab.refundReceipt", { no: r.receiptNo }) : ""}
                  {r.taxFen > 0 ? ` ${t("collab.taxRefundByBureau", { amount: yuanOf(r.taxFen) })}` : ""}
                </span>
              ),
            })),
          ]}
        />
      ) : (tax.data?.confirmations.length ?? 0) > 0 ? null : (
        <Button
          onClick={() => void openOrder()}
          loading={pay.isPending}
          disabled={type?.deedTax === true && !tax.data?.assessment}
          data-testid="payment-open"
        >
          {t("collab.openOrder")}
        </Button>
      )}
    </Flex>
  );
}
