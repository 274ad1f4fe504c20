// The policy stage's public face: load a project's copyfair.yaml and turn it into scan hooks.
export { CONFIG_FILES, CONFIG_KEYS, ConfigError, PROFILE_KEYS, defaultPolicy, findConfig, loadPolicy, type Clarification, type Ignores, type LoadOptions, type Override, type PackageException, type Policy } from './config.js';
export { CONFIG_DIAGNOSTICS, entryMatches, isExpired, policyHooks, unusedEntries, type PolicyContext, type PolicyUsage } from './hooks.js';
export { mergeProfile } from './merge.js';
export { formatConfigProblems, type ConfigProblem } from './problems.js';
export { starterConfig } from './starter.js';
