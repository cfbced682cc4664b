export * from "./query-answer";
export * from "./query-decision";
export * from "./query-quota";
export * from "./query-rules";
export * from "./query-seal";
