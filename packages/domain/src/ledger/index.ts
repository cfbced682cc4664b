export * from "./canonical-json";
export * from "./hash";
export * from "./merkle";
export * from "./merkle-accumulator";
export * from "./signed-head";
export * from "./sm-crypto";
