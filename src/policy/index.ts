// The pure core of Mötescheck: the policy contract, its validation and the evaluator. Imports nothing
// else of src, no UI, host, server or database package (enforced by eslint.config.mjs).
export * from './types';
export { validatePolicy, type ValidationIssue, type ValidationResult, type ValidateOptions } from './validate';
export { compilePolicy, isCompiled, type CompiledPolicy } from './compile';
export { evaluate, evaluateSeries, combineVerdicts, compiled, EvaluationError } from './evaluate';
export { policyVersion, canonicalJson, sha256Hex } from './version';
export { examplePolicy } from './example';
export { isIsoDate, addDays, stockholmDate } from './dates';
export { findPersonalIdentityNumber } from './personalIdentityNumber';
export { explainVerdict } from './explain';
export { SOURCES } from './texts';
export { joinUrlHash, meetingChatIdFromJoinUrl, normaliseJoinUrl } from './joinUrl';
export { diffPolicies, type PolicyChange } from './diff';
