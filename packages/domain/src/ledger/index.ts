export * from "./canonical-json";
export * from "./hash";
export * from "./merkle";
export * from "./merkle-accumulator";
export * from "./receipt";
export * from "./signed-head";
export * from "./sm-crypto";
