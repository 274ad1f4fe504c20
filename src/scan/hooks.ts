import type { Component, ComponentResult, Evidence, Terms } from '../types.js';
/** Where a project's policy plugs into a scan. */
export interface ScanHooks {
  /** The project's own LicenseRef-* terms. */
  customTerms?: Terms[];
  /** A clarification that replaces the component's evidence, when one applies. */
  clarify?(component: Component): Promise<Evidence | undefined>;
  /** Components the project chose not to scan (its own private packages, listed names). */
  ignore?(component: Component): boolean;
  /** Licence overrides and package exceptions, applied to each verdict (never silently: add to verdict.notes/because). */
  afterEvaluate?(result: ComponentResult): ComponentResult;
}
