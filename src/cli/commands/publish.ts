import type { Command } from 'commander';
import { Option } from 'commander';
import type { PublishKind } from '../../publish/publish.js';
import { ADOPT_BRANCH } from '../../publish/adopt.js';
import { DRIFT_LABEL, KINDS } from '../../publish/publish.js';
import { collect, wholeNumber } from '../parsers.js';
import type { Runner } from '../program.js';

export interface PublishCommandOptions {
  kind: PublishKind;
  /** One or more reports, posted one after the other. */
  file: string[];
  plan?: string;
  clean?: boolean;
  pr?: number;
  label: string;
  adopted?: string;
  path?: string;
  branch: string;
}

export interface ReviewedCommandOptions {
  plan: string;
  requireMatch?: boolean;
  pr?: number;
}

export function registerPublish(program: Command, run: Runner) {
  program
    .command('publish')
    .description(
      'post a report in CI: one pull/merge-request comment per kind, the one drift issue, or the one pull/merge request of adopted drift (GitHub Actions, GitLab CI)',
    )
    .addOption(new Option('--kind <kind>', 'what the report is').choices(KINDS).makeOptionMandatory())
    .requiredOption(
      '--file <report.md>',
      'the Markdown report to post (from --format markdown); repeat it to post several in order (adopt: the diff, then the plan)',
      collect,
    )
    .option('--plan <plan.json>', 'the saved plan: plan records what was reviewed; apply compares with it')
    .option(
      '--clean',
      'drift: the organization matches the file, so close the drift issue; adopt: nothing to adopt, so close the request',
    )
    .option('--adopted <file>', 'adopt: the file as adopt wrote it, committed to the adopt branch')
    .option(
      '--path <repo-path>',
      'adopt: its path in the repository (default: --adopted, relative to the checkout)',
    )
    .option(
      '--branch <name>',
      'adopt: the branch of its own that the job force-updates and deletes',
      ADOPT_BRANCH,
    )
    .option(
      '--pr <number>',
      'the pull/merge request (default: from the CI event or the merged commit)',
      wholeNumber(1),
    )
    .option('--label <label>', 'label that marks the drift issue', DRIFT_LABEL)
    .addHelpText(
      'after',
      `
Tokens come from the environment and are never printed: GITHUB_TOKEN (GitHub Actions; GITHUB_API_URL
for GitHub Enterprise), GITLAB_TOKEN or CI_JOB_TOKEN (GitLab CI; CI_API_V4_URL for self-managed).
A token that may only read (a pull request from a fork) gives a warning, not a failure, except for
adopt: it pushes a branch and opens a pull request, so it needs GITHUB_TOKEN with contents: write and
pull-requests: write, or GITLAB_TOKEN with the api scope (CI_JOB_TOKEN cannot do either).

Examples:
  $ pactflow-accounts publish --kind plan --file plan.md --plan plan.json
  $ pactflow-accounts publish --kind apply --file apply.md --plan plan.json
  $ pactflow-accounts publish --kind drift --file drift.md --clean
  $ pactflow-accounts publish --kind adopt --file adopt.md --file drift.md --adopted accounts.yaml
  $ pactflow-accounts publish --kind adopt --file adopt.md --clean`,
    )
    .action(run(() => import('../actions/publish.js').then((m) => m.publishCommand)));
}

export function registerReviewed(program: Command, run: Runner) {
  program
    .command('reviewed')
    .description(
      "compare a saved plan with the one reviewed on its pull/merge request (the plan comment's hash)",
    )
    .requiredOption('--plan <plan.json>', 'the plan about to be applied')
    .option('--require-match', 'exit 1 when the plan differs from the reviewed one, or none was reviewed')
    .option(
      '--pr <number>',
      'the pull/merge request (default: the one that merged this commit)',
      wholeNumber(1),
    )
    .addHelpText('after', '\nExamples:\n  $ pactflow-accounts reviewed --plan plan.json --require-match')
    .action(run(() => import('../actions/publish.js').then((m) => m.reviewedCommand)));
}
