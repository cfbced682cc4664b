export * from "./deed-tax";
export * from "./household";
export * from "./money";
export * from "./payment-split";
export * from "./reconciliation";
export * from "./registration-fee";
