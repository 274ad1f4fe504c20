// Where a project's policy (src/policy) plugs into a scan, without the scan knowing about config.
import type { KnowledgeBase } from '../kb/index.js';
import type { Component, ComponentResult, Diagnostic, Evidence, Terms } from '../types.js';
/** Where a project's policy plugs into a scan. */
export interface ScanHooks {
  /** The project's own LicenseRef-* terms. */
  customTerms?: Terms[];
  /** The knowledge base as the project decided it (licence-level overrides). */
  knowledgeBase?(kb: KnowledgeBase): KnowledgeBase;
  /** A clarification that replaces the component's evidence, when one applies. */
  clarify?(component: Component): Promise<Evidence | undefined>;
  /** Components the project chose not to scan (its own private packages, listed names). */
  ignore?(component: Component): boolean;
  /** Licence overrides and package exceptions, applied to each verdict (never silently: add to verdict.notes/because). */
  afterEvaluate?(result: ComponentResult): ComponentResult;
  /** What the policy learnt once every component is evaluated (expired or unused entries); read before the answer is decided. */
  finish?(): Diagnostic[];
}
