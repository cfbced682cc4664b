import type { Messages } from "./messages";

/** 带押过户 (transfer with mortgage) forms and the segmented mode's waiting step. */
export const combinedZh = {
  "swm.title": "带押过户",
  "swm.intro": "在原抵押权不注销的情况下办理转移登记，并为买方设立新的抵押权（自然资发〔2023〕29号）。",
  "swm.mode.combined": "新旧抵押权组合模式：转移＋新抵押权＋旧抵押权注销，一次登簿",
  "swm.mode.segmented":
    "分段模式：先登记转移和新抵押权（贷款资金监管），原抵押权人确认旧贷结清后注销旧抵押权",
  "swm.mode.change": "抵押权变更模式：同一银行，变更抵押人和债务人",
  "swm.parties": "当事人",
  "swm.buyer": "买受人账号",
  "swm.seller": "出卖人账号",
  "swm.newBank": "新抵押权人（贷款银行）账号",
  "swm.oldBank": "原抵押权人账号",
  "swm.oldMortgage": "原抵押权",
  "swm.oldMortgageRequired": "请选择原抵押权",
  "swm.accountRequired": "请输入账号",
  "swm.loan": "新贷款",
  "swm.order": "登簿顺序",
  "swm.create": "保存申请，下一步上传材料",
  "swm.apply": "带押过户",
  "swm.repayment.awaiting":
    "分段模式：已登记转移和新抵押权，等待原抵押权人（银行）确认旧贷款结清后注销原抵押权，再缮证",
  "swm.repayment.confirmed": "原抵押权人已确认旧贷款结清，原抵押权已注销",
} as const;

export const combinedEn: Messages<typeof combinedZh> = {
  "swm.title": "Transfer with mortgage",
  "swm.intro":
    "Transfer the property without first cancelling the seller's mortgage, and create the buyer's new mortgage (MNR 2023 No. 29).",
  "swm.mode.combined": "Combined mode: transfer + new mortgage + old mortgage cancelled, registered at once",
  "swm.mode.segmented":
    "Segmented mode: transfer and new mortgage first (loan held in supervision); the old mortgage is cancelled once its bank confirms repayment",
  "swm.mode.change": "Change mode: the same bank changes the mortgagor and debtor",
  "swm.parties": "Parties",
  "swm.buyer": "Buyer's account",
  "swm.seller": "Seller's account",
  "swm.newBank": "New mortgagee (lending bank) account",
  "swm.oldBank": "Old mortgagee's account",
  "swm.oldMortgage": "Old mortgage",
  "swm.oldMortgageRequired": "Choose the old mortgage",
  "swm.accountRequired": "Enter an account",
  "swm.loan": "New loan",
  "swm.order": "Order of entries",
  "swm.create": "Save the application and upload materials",
  "swm.apply": "Transfer with mortgage",
  "swm.repayment.awaiting":
    "Segmented mode: transfer and new mortgage registered; waiting for the old lender to confirm repayment, then its mortgage is cancelled and the case certified",
  "swm.repayment.confirmed": "The old lender confirmed repayment; its mortgage is cancelled",
};
