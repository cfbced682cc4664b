export * from "./building-table";
