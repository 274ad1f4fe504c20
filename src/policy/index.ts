// The policy stage's public face: load a project's copyfair.yaml and turn it into scan hooks.
export { CONFIG_FILES, ConfigError, defaultPolicy, findConfig, loadPolicy, type Clarification, type Override, type PackageException, type Policy } from './config.js';
export { CONFIG_DIAGNOSTICS, policyHooks, type PolicyContext } from './hooks.js';
export { mergeProfile } from './merge.js';
