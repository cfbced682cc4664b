export * from "./certificate.content";
export * from "./certificate.licence";
export * from "./certificate.lifecycle";
export * from "./certificate.numbering";
export * from "./certificate.plan";
export * from "./certificate.seal";
