export * from "./alerts";
export * from "./evaluate";
export * from "./facts";
export * from "./follow-up";
export * from "./record-rules";
export * from "./thresholds";
