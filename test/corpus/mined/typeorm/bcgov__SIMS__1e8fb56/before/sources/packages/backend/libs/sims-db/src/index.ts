export * from "./entities";
export * from "./database.module";
export * from "./data.model.service";
export * from "./error-handler";
export * from "./data-source";
export * from "./database-utils";
export * from "./pagination-utils";
