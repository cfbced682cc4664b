export * from "./compensation";
export * from "./complaints";
export * from "./figures";
