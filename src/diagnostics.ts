// The closed list of diagnostic codes (docs/diagnostics.md documents each; a test keeps the two
// in step). Core code creates diagnostics through `diagnostic()`, so a code not listed here does
// not compile.
import type { Diagnostic, Location } from './types.js';

/** Every diagnostic code, with its severity and what the user can do about it. */
export const DIAGNOSTICS = {
  'no-sources': { severity: 'error', hint: 'Scan the folder that holds package.json, pyproject.toml, requirements.txt, Cargo.toml or go.mod (with its lockfile or installed packages).' },
  'workspace-not-found': { severity: 'error', hint: 'Use a workspace name or folder listed in the root package.json `workspaces`.' },
  'npm-manifest-invalid': { severity: 'error', hint: 'Fix the JSON at the position shown; the package is reported as unknown meanwhile.' },
  'npm-dependencies-invalid': { severity: 'error', hint: 'Write each dependency as "name": "version range" inside the section\u2019s object, as npm reads it; until then the dependencies copyfair cannot read are not counted, and the answer cannot be yes.' },
  'npm-workspaces-invalid': { severity: 'error', hint: 'Write `workspaces` as an array of folder patterns (or { "packages": [...] }), as npm reads it; until then the workspaces are not scanned, and the answer cannot be yes.' },
  'npm-manifest-missing': { severity: 'warning', hint: 'Reinstall the dependency (npm ci): an installed folder without package.json is incomplete.' },
  'npm-lockfile-invalid': { severity: 'error', hint: 'Fix or regenerate the lockfile (npm install / yarn / pnpm install).' },
  'npm-lockfile-mismatch': { severity: 'warning', hint: 'node_modules and the lockfile disagree; run npm ci (or your package manager’s frozen install) and scan again.' },
  'npm-not-installed': { severity: 'info', hint: 'Without node_modules, licence files cannot be read; install (npm ci) for a full answer.' },
  'npm-dependency-missing': { severity: 'warning', hint: 'A declared dependency is not installed or locked; install it, or it is not counted.' },
  'npm-unreadable': { severity: 'error', hint: 'Give copyfair read access to the folder, or remove it.' },
  'npm-symlink-broken': { severity: 'warning', hint: 'A link in node_modules points nowhere; reinstall.' },
  'npm-platform-skipped': { severity: 'info', hint: 'npm does not install these on this machine (their os, cpu or libc exclude it); scan on the platform you ship for, or install, for that platform’s answer.' },
  'npm-extraneous': { severity: 'info', hint: 'Installed but not reachable from any project: run npm prune; copyfair does not count them.' },
  'npm-root-manifest-invalid': { severity: 'error', hint: 'Fix the project’s package.json at the position shown; meanwhile copyfair counts every package node_modules or the lockfile holds.' },
  'npm-link-outside': { severity: 'warning', hint: 'A link leads outside the project; copyfair never follows it. Install the package inside the project, or clarify it in copyfair.yaml.' },
  'npm-workspace-pattern-invalid': { severity: 'warning', hint: 'A `workspaces` pattern must name folders inside the project (no "..", not absolute, not empty, at most 10,000 folders); fix or remove it.' },
  'project-file-unreadable': { severity: 'error', hint: 'copyfair reads only regular files inside the project: put the file itself in place of the folder, the link loop or the link leading out of the project (a link to a file inside it is read).' },
  'package-folder-unreadable': { severity: 'warning', hint: 'A dependency’s folder (a .dist-info, a vendored crate or module) is a link leading outside the project, which copyfair never follows, or cannot be read: its licence is unknown. Install or vendor a copy inside the project (uv: UV_LINK_MODE=copy), or give copyfair read access.' },
  'licence-missing': { severity: 'warning', hint: 'The package declares no licence and ships no licence file; ask its authors, or clarify it in copyfair.yaml.' },
  'licence-unlicensed': { severity: 'warning', hint: '"UNLICENSED" means no licence is granted (all rights reserved), not the Unlicense: forbidden until you obtain the author’s licence and record it as a clarification in copyfair.yaml.' },
  'licence-declared-legacy': { severity: 'info', hint: 'The licence is read from an older manifest the package ships (Bower\'s bower.json, component(1)\'s component.json), as its package.json declares none; the authors could declare it in package.json. A file that cannot be read as JSON is not read.' },
  'licence-declared-unknown': { severity: 'warning', hint: 'The declared licence is not an SPDX expression or a name copyfair knows; clarify it in copyfair.yaml.' },
  'licence-legacy-array': { severity: 'info', hint: 'The deprecated `licenses` array is read as AND (all apply), the safe reading; clarify in copyfair.yaml if the author offers a choice.' },
  'licence-mismatch': { severity: 'warning', hint: 'The declaration and the licence file disagree; copyfair applies both (AND), the stricter reading, unless the message says the file replaces a licence it varies. Clarify in copyfair.yaml once a person has read the file.' },
  'licence-file-unidentified': { severity: 'warning', hint: 'A person must read this licence file; then pin the decision with a clarification (SHA-256) in copyfair.yaml.' },
  'licence-twin-declared': { severity: 'info', hint: 'Nothing to do, unless the package is not what it declares: its licence file is one of two near-identical permissive licences, and the package declares one of them, which is what copyfair reads.' },
  'licence-dependency-notice': { severity: 'info', hint: 'Nothing to do here: the dependency it names is read as a component of its own (its verdict is in the report when it is installed).' },
  'licence-notices-sidecars': { severity: 'info', hint: 'Nothing to do: the sidecar licence files it points at are read as the licences of the bundled code (ship them with the package; `copyfair notice` quotes them).' },
  'licence-scoped-folders': { severity: 'info', hint: 'Nothing to do: the package holds none of the folders its open-core licence puts under other terms, so the open licence is read as its licence (a version that adds such a folder is unknown until a person reads those terms).' },
  'licence-logo': { severity: 'info', hint: 'Nothing to do, unless you ship or change the logo: the licence file puts the project\'s logo under a licence of its own, read as a part where the package holds a file or folder named like a logo or any image, and as applying to nothing where it holds neither.' },
  'licence-payment-request': { severity: 'info', hint: 'Nothing is owed: the licence asks for a payment it says is not required. Whether to pay is yours to decide; the message quotes the request and names its lines.' },
  'licence-pointer': { severity: 'info', hint: 'Nothing to do: the licence file it points to is read as the licence of the code in that folder (ship it with the package; `copyfair notice` quotes it).' },
  'licence-notices-informational': { severity: 'info', hint: 'Nothing to do: the package’s licensor grants the code it bundles under the package’s own licence, and lists the original licences for information (ship the file with the package; `copyfair notice` quotes it).' },
  'licence-repository-map': { severity: 'info', hint: 'Nothing to do, unless the package is not the one the file names: a monorepo\'s licence file puts the packages it lists under another licence than the rest, and this package is listed.' },
  'licence-notices-empty': { severity: 'info', hint: 'Nothing to do: the notices file names no bundled component (its generator found none); ship it with the package as it is.' },
  'licence-file-unreadable': { severity: 'warning', hint: 'The licence file is binary, too large or unreadable; a person must look at it.' },
  'python-licence-file-missing': { severity: 'warning', hint: 'METADATA names a licence file (License-File) that the installed distribution does not hold: reinstall the package, or read its licence where it is published; the declared licence alone is read.' },
  'python-metadata-unfolded': { severity: 'warning', hint: 'The package was built with a tool that left line breaks in a header value unfolded: copyfair read the lines as part of that value and went on; reinstall a newer build of the package to be sure nothing was misread.' },
  'python-file-invalid': { severity: 'error', hint: 'Fix the file at the position shown (or reinstall the package whose METADATA is broken); the scan goes on without what it could not read.' },
  'python-not-installed': { severity: 'info', hint: 'Without an installed environment, licences cannot be read: install (uv sync, poetry install, pip install -r requirements.txt) into .venv, or pass --python-env.' },
  'python-dependency-missing': { severity: 'warning', hint: 'A declared requirement is neither installed nor locked; install it, or it is not counted.' },
  'python-marker-unevaluated': { severity: 'info', hint: 'Environment markers copyfair could not evaluate for this platform; the dependencies they guard are counted (the safe reading).' },
  'cargo-file-invalid': { severity: 'error', hint: 'Fix the Cargo file at the position shown (or re-vendor the crate); the scan goes on without what it could not read.' },
  'cargo-not-locked': { severity: 'info', hint: 'Commit Cargo.lock (cargo generate-lockfile) so every crate of the build is scanned at its version.' },
  'cargo-not-fetched': { severity: 'warning', hint: 'Crate sources are read from vendor/ (cargo vendor) or $CARGO_HOME/registry/src (cargo fetch); fetch them, or set CARGO_HOME, to read their licences.' },
  'go-file-invalid': { severity: 'error', hint: 'Fix go.mod or vendor/modules.txt at the position shown; the scan goes on without the lines it could not read.' },
  'go-mod-incomplete': { severity: 'info', hint: 'Before Go 1.17 go.mod lists only part of the build; run `go mod tidy -go=1.17` (or later) so go.mod lists every module.' },
  'go-not-downloaded': { severity: 'warning', hint: 'Module sources are read from vendor/ (go mod vendor) or the module cache (go mod download; $GOMODCACHE or $GOPATH/pkg/mod); download them, or set GOMODCACHE, to read their licences.' },
  'licence-from-readme': { severity: 'info', hint: 'The package ships no licence file; its README’s License section was read instead (weaker evidence). Check it, or ask the authors to ship a LICENSE file.' },
  'licence-identifier-invalid': { severity: 'warning', hint: 'Fix the `SPDX-License-Identifier:` line (a valid SPDX expression) or clarify the licence in copyfair.yaml; copyfair never guesses it.' },
  'terms-file-invalid': { severity: 'error', hint: 'The package’s copyfair-terms.yaml is invalid at the position shown; its terms are not used.' },
  'sbom-invalid': { severity: 'error', hint: 'The SBOM is not JSON copyfair can read (CycloneDX JSON 1.4–1.6 or SPDX 2.3 JSON); fix it at the position shown or regenerate it.' },
  'sbom-entry-skipped': { severity: 'warning', hint: 'Components the SBOM holds or names could not be read (no name, not a list, nested too deep, named in the dependencies but not listed): they are not counted, so the answer cannot be yes. Fix the tool that wrote the SBOM.' },
  'sbom-entry-invalid': { severity: 'warning', hint: 'One entry of the SBOM is malformed at the JSON pointer shown; the rest is read, and the entry is reported as unknown or skipped. Fix the tool that wrote it.' },
  'sbom-licence-unknown': { severity: 'warning', hint: 'The SBOM names a licence that is neither SPDX nor a name copyfair knows, or a text it cannot identify; a person must read it, then clarify it in copyfair.yaml.' },
} as const satisfies Record<string, { severity: Diagnostic['severity']; hint: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** A diagnostic with its documented severity and hint. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  extra: { location?: Location; component?: string } = {},
): Diagnostic {
  const { severity, hint } = DIAGNOSTICS[code];
  return { code, severity, message, hint, ...extra };
}
