// The programmatic API: the same core the CLI uses, returning data and never printing.
export * from './types.js';
export {
  evaluate,
  evaluateTree,
  parseExpression,
  formatExpression,
  worstOutcome,
  bestOutcome,
  atLeast,
  type EvaluateOptions,
  type ExpressionNode,
  type ParseResult,
  type Parameters,
  type ParamValue,
} from './evaluate/index.js';
export { loadKnowledgeBase, createKnowledgeBase, withCustomTerms, type KnowledgeBase } from './kb/index.js';
export { compileKnowledgeBase, type CompileResult, type CompiledKnowledgeBase } from './kb/compile.js';
export { formatProblems, validateTermsValue, type SourceProblem } from './kb/validate.js';
export { GitRepo, GitError, type Commit } from './git/repo.js';
export { licenceHistory, type HistoryReport, type HistoryOptions, type Period, type HistoryFact } from './history/timeline.js';
export { auditFork, FORK_PROBLEMS, type ForkReport, type ForkOptions, type ForkProblem } from './fork/audit.js';
export { checkDerivative, loadDerivativeTable, type DerivativeCheck } from './fork/derivatives.js';
