// Whether copyfair runs on a CI runner: a `CI` variable set to anything but "", "0" or "false"
// (GitHub Actions, GitLab, CircleCI, Travis, Buildkite … set it).

/** Whether `env` says this is a CI runner. */
export function onCi(env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return !(ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}
