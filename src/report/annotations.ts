// What stands next to a verdict in every format: the facts it assumed, change dates, the
// project's exception, override or clarification, and other notes, so no verdict is reached
// silently (docs/config.md: decisions never act silently).
import type { ComponentResult } from '../types.js';

export type AnnotationKind = 'assumed' | 'change-date' | 'exception' | 'override' | 'clarification' | 'note';

export interface Annotation {
  kind: AnnotationKind;
  text: string;
}

/** Labels for people, by kind. */
export const ANNOTATION_LABELS: Record<AnnotationKind, string> = {
  assumed: 'assumed',
  'change-date': 'change date',
  exception: 'exception',
  override: 'override',
  clarification: 'clarified',
  note: 'note',
};

/** The annotations of one component, in a fixed order: decisions first, then assumptions, then notes. */
export function annotate(component: ComponentResult): Annotation[] {
  const out: Annotation[] = [];
  for (const evidence of component.evidence) {
    if (evidence.kind === 'clarification') {
      out.push({ kind: 'clarification', text: `the project's config (${place(evidence.location)}) says ${evidence.expression}` });
    }
  }
  for (const reason of component.verdict.because) {
    if (reason.because.startsWith('decided by the project: ')) out.push({ kind: 'override', text: `${reason.licence} overridden by ${reason.section}: ${reason.because.slice('decided by the project: '.length)}` });
  }
  for (const note of component.verdict.notes) {
    const excepted = /^excepted by the project's config \((.*?)\): it was (\S+); (.*)$/s.exec(note);
    if (excepted) out.push({ kind: 'exception', text: `${excepted[1]} accepts it (it would be ${excepted[2]}): ${excepted[3]}` });
  }
  for (const assumption of component.verdict.assumed) {
    out.push({ kind: 'assumed', text: assumption.fact === 'parameter' ? `${assumption.value}: ${assumption.note}` : assumption.note });
  }
  for (const note of component.verdict.notes) {
    if (note.startsWith("excepted by the project's config") || note.startsWith('overridden by ')) continue;
    out.push({ kind: changeDate(note) ? 'change-date' : 'note', text: note });
  }
  return out;
}

function place(location: { file: string; line?: number }): string {
  return `${location.file}${location.line ? `:${location.line}` : ''}`;
}

/** The annotations that say something a reader of the owed list would not see otherwise (no plain notes). */
export function decisive(component: ComponentResult): Annotation[] {
  return annotate(component).filter((annotation) => annotation.kind !== 'note');
}

/**
 * Whether a note speaks of a change date: "… became … on 2029-01-01", "… changes … 2029-01-01". The
 * words are found first and the date looked for after them, so a long note is read once (a pattern
 * of ".*" between them read it again from each "became").
 */
function changeDate(note: string): boolean {
  const became = note.indexOf(' became ');
  if (became >= 0 && / on \d{4}-\d{2}-\d{2}/.test(note.slice(became + ' became'.length))) return true;
  const changes = note.search(/changes? /);
  return changes >= 0 && /\d{4}-\d{2}-\d{2}/.test(note.slice(changes));
}
