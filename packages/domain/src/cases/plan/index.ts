export * from "./mortgagees";
export * from "./part-plan";
export * from "./part-planner";
export * from "./plan-project";
export * from "./unit-slice";
export * from "./unit-state.mapper";
