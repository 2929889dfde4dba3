/** dcr as a library: load, validate and query data contracts. */
export type {
  ColumnEntry,
  ColumnSpec,
  Contract,
  ContractDocument,
  IngestionType,
  Owners,
  Policy,
  SourceType,
  Status,
  TableDetails,
  TableEntry,
} from './contract/types.js';
export { INGESTION_TYPES, SOURCE_TYPES, STATUSES } from './contract/types.js';
export { normalizeContract, contractPeople } from './contract/normalize.js';
export { parseTableName, tableKey, type TableName } from './contract/table-name.js';
export { emailProblem, isEmail } from './contract/email.js';
export { contractSchema, SCHEMA_URL } from './contract/schema.js';
export { loadConfig, type DcrConfig, type LoadedConfig } from './config/config.js';
export { Registry, type PersonRoles } from './registry/registry.js';
export { loadRegistry, readPathInputs } from './registry/load.js';
export { readStagedInputs } from './registry/staged.js';
export {
  validateContracts,
  type ContractInput,
  type ValidateOptions,
  type ValidationResult,
} from './validate/validate.js';
export type { Diagnostic, Severity } from './validate/diagnostic.js';
export { RULES } from './validate/rules/index.js';
export { DcrError, ExitCode } from './errors.js';
export { RULE_SEVERITY, RULE_CODES, type RuleCode } from './severity/codes.js';
export { SEVERITIES, type Severity as ChangeSeverity } from './severity/severity.js';
export { judgeChange, type ChangeFacts, type JobColumns, type Judgement } from './severity/judge-change.js';
export { actionOf, parsePolicy, type PolicySetting, type PolicyThresholds } from './severity/policy.js';
export { diffContracts, type ContractChange } from './contract/diff.js';
export { verifyContracts, type VerifyOptions, type VerifyResult } from './verify/verify.js';
export { typeMatches } from './verify/pg-type.js';
