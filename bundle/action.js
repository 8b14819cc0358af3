'use strict';
var __bundleUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/action/main.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = __toESM(require("node:path"), 1);
var import_node_process2 = __toESM(require("node:process"), 1);
var import_node_url = require("node:url");

// src/action/inputs.ts
var COMMANDS = ["plan", "apply", "drift"];
var DRIFT_ACTIONS = ["report", "correct", "adopt"];
var InputError = class extends Error {
};
function input(env2, name) {
  return (env2[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function oneOf(env2, name, allowed) {
  const value = input(env2, name) || allowed[0];
  if (allowed.includes(value)) return value;
  throw new InputError(`${name} must be ${allowed.join(", ")} (got '${value}')`);
}
function flag(env2, name) {
  const value = input(env2, name);
  if (["", "false", "False", "FALSE"].includes(value)) return false;
  if (["true", "True", "TRUE"].includes(value)) return true;
  throw new InputError(`${name} must be 'true' or 'false' (got '${value}')`);
}
function readInputs(env2) {
  for (const name of ["base-url", "token"])
    if (!input(env2, name)) throw new InputError(`input ${name} is required`);
  return {
    command: oneOf(env2, "command", COMMANDS),
    file: input(env2, "file") || "accounts.yaml",
    baseUrl: input(env2, "base-url"),
    token: input(env2, "token"),
    format: input(env2, "format") || "text",
    allowDeletes: input(env2, "allow-deletes"),
    allowDisables: input(env2, "allow-disables"),
    allowAdminChanges: input(env2, "allow-admin-changes"),
    publish: oneOf(env2, "publish", ["on", "off"]) === "on",
    workingDirectory: input(env2, "working-directory") || ".",
    driftAction: oneOf(env2, "drift-action", DRIFT_ACTIONS),
    unmanagedIsDrift: flag(env2, "unmanaged-is-drift"),
    blockOnDifference: flag(env2, "block-on-difference"),
    githubToken: input(env2, "github-token")
  };
}

// src/action/run.ts
var import_node_child_process = require("node:child_process");
var import_node_fs = require("node:fs");
var import_node_os = require("node:os");
var import_node_path = __toESM(require("node:path"), 1);
var import_node_process = __toESM(require("node:process"), 1);

// src/render/markdown-kit.ts
function fenced(text, info = "") {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}
${text.trimEnd()}
${fence}`;
}

// src/action/commands.ts
function workflowCommand(name, data) {
  const escaped = data.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return `::${name}::${escaped}
`;
}

// src/action/run.ts
var Cli = class {
  constructor(bin, env2) {
    this.bin = bin;
    this.env = env2;
    for (const signal of ["SIGINT", "SIGTERM"])
      import_node_process.default.on(signal, () => {
        this.cancelled = true;
        this.current?.kill(signal);
      });
  }
  bin;
  env;
  current;
  /** Once the job is cancelled no further step starts, and the Action fails. */
  cancelled = false;
  run(args, capture = {}) {
    if (this.cancelled) return Promise.resolve({ code: 1, stdout: "", stderr: "" });
    return new Promise((resolve, reject) => {
      const child = (0, import_node_child_process.spawn)(import_node_process.default.execPath, [this.bin, ...args], {
        env: this.env,
        stdio: ["ignore", capture.stdout ? "pipe" : "inherit", capture.stderr ? "pipe" : "inherit"]
      });
      this.current = child;
      let stdout = "";
      let stderr = "";
      child.stdout?.setEncoding("utf8").on("data", (chunk) => stdout += chunk);
      child.stderr?.setEncoding("utf8").on("data", (chunk) => {
        stderr += chunk;
        import_node_process.default.stderr.write(chunk);
      });
      child.on("error", reject);
      child.on("close", (code, signal) => {
        this.current = void 0;
        resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr });
      });
    });
  }
};
function reportFiles(env2) {
  const dir = import_node_path.default.join(env2.RUNNER_TEMP || (0, import_node_os.tmpdir)(), "pactflow-accounts");
  (0, import_node_fs.mkdirSync)(dir, { recursive: true });
  const files = {
    planJson: import_node_path.default.join(dir, "plan.json"),
    planMarkdown: import_node_path.default.join(dir, "plan.md"),
    applyMarkdown: import_node_path.default.join(dir, "apply.md"),
    driftMarkdown: import_node_path.default.join(dir, "drift.md"),
    adoptMarkdown: import_node_path.default.join(dir, "adopt.md")
  };
  const summary = env2.GITHUB_STEP_SUMMARY;
  for (const file of Object.values(files)) (0, import_node_fs.rmSync)(file, { force: true });
  return { ...files, summary };
}
function planArgs(inputs, reports) {
  const args = ["plan", "-f", inputs.file, "--out", reports.planJson, "--out-markdown"];
  args.push(reports.planMarkdown, "--format", inputs.format, "--detailed-exitcode");
  if (inputs.unmanagedIsDrift) args.push("--unmanaged-is-drift");
  return args;
}
function applyArgs(inputs, reports) {
  const args = ["apply", reports.planJson, "--format", "markdown"];
  if (inputs.allowDeletes) args.push("--allow-deletes", inputs.allowDeletes);
  if (inputs.allowDisables) args.push("--allow-disables", inputs.allowDisables);
  if (inputs.allowAdminChanges) args.push("--allow-admin-changes", inputs.allowAdminChanges);
  return args;
}
async function applySaved(cli, inputs, reports) {
  const applied = await cli.run(applyArgs(inputs, reports), { stdout: true });
  (0, import_node_fs.writeFileSync)(reports.applyMarkdown, applied.stdout);
  import_node_process.default.stdout.write(applied.stdout);
  return applied.code;
}
async function afterPlan(cli, inputs, reports, code) {
  if (!inputs.publish || !(0, import_node_fs.existsSync)(reports.planMarkdown)) return code;
  const saved = (0, import_node_fs.existsSync)(reports.planJson) ? ["--plan", reports.planJson] : [];
  const published = await cli.run(["publish", "--kind", "plan", "--file", reports.planMarkdown, ...saved]);
  return published.code === 0 ? code : 1;
}
function notReviewed(inputs) {
  return inputs.blockOnDifference ? "the merged plan does not match the reviewed plan (block-on-difference: true; see above); nothing was applied" : "the reviewed plan could not be read from the pull request (see above); nothing was applied";
}
async function afterApplyPlan(cli, inputs, reports, code) {
  if (code !== 2) return code;
  if (inputs.publish || inputs.blockOnDifference) {
    const args2 = ["reviewed", "--plan", reports.planJson];
    if (inputs.blockOnDifference) args2.push("--require-match");
    const reviewed = await cli.run(args2, { stdout: true });
    if (reports.summary) (0, import_node_fs.appendFileSync)(reports.summary, reviewed.stdout);
    if (reviewed.code !== 0) {
      if (!cli.cancelled) import_node_process.default.stdout.write(workflowCommand("error", notReviewed(inputs)));
      return 1;
    }
  }
  const applied = await applySaved(cli, inputs, reports);
  if (!inputs.publish) return applied;
  const args = ["publish", "--kind", "apply", "--file", reports.applyMarkdown, "--plan", reports.planJson];
  return (await cli.run(args)).code === 0 ? applied : 1;
}
function adoptReport(file, adopted, code) {
  if (!adopted.stdout.trim() && code === 2)
    return `Nothing left to adopt into \`${file}\`; ${stillDiffers(file)}.
`;
  if (!adopted.stdout.trim()) return `Nothing left to adopt: \`${file}\` matches PactFlow.
`;
  const intro = `### Adopt the drift into \`${file}\`

Changes made in PactFlow, written into the file for review:`;
  return `${intro}

${fenced(adopted.stderr)}

${fenced(adopted.stdout, "diff")}
`;
}
var stillDiffers = (file) => `PactFlow still differs from ${file} in ways adopt does not write into it (see the plan): edit the file, or run the drift job with drift-action report or correct`;
async function adoptDrift(cli, inputs, reports, planned) {
  if (planned === 1) return planned;
  const code = planned === 3 ? 2 : planned;
  const args = ["adopt", "-f", inputs.file, ...inputs.unmanagedIsDrift ? ["--include-unmanaged"] : []];
  const adopted = await cli.run(args, { stdout: true, stderr: true });
  import_node_process.default.stdout.write(adopted.stdout);
  if (adopted.code !== 0) return 1;
  if (!adopted.stdout.trim() && code === 2)
    import_node_process.default.stdout.write(workflowCommand("warning", stillDiffers(inputs.file)));
  (0, import_node_fs.writeFileSync)(reports.adoptMarkdown, adoptReport(inputs.file, adopted, code));
  if (!inputs.publish) return code;
  const publish = ["publish", "--kind", "adopt", "--file", reports.adoptMarkdown];
  if (!adopted.stdout.trim()) publish.push("--clean");
  else publish.push("--file", reports.planMarkdown, "--adopted", inputs.file);
  return (await cli.run(publish)).code === 0 ? code : 1;
}
async function afterDriftPlan(cli, inputs, reports, code) {
  if (inputs.driftAction === "adopt") return adoptDrift(cli, inputs, reports, code);
  let report = reports.planMarkdown;
  if (code === 2 && inputs.driftAction === "correct") {
    code = await applySaved(cli, inputs, reports);
    const plan = (0, import_node_fs.readFileSync)(reports.planMarkdown, "utf8");
    (0, import_node_fs.writeFileSync)(reports.driftMarkdown, `${plan}
${(0, import_node_fs.readFileSync)(reports.applyMarkdown, "utf8")}`);
    report = reports.driftMarkdown;
  }
  if (!inputs.publish || !(0, import_node_fs.existsSync)(report)) return code;
  const args = ["publish", "--kind", "drift", "--file", report, ...code === 0 ? ["--clean"] : []];
  return (await cli.run(args)).code === 0 ? code : 1;
}
function writeOutputs(env2, outputs) {
  if (!env2.GITHUB_OUTPUT) return;
  const lines = Object.entries(outputs).filter(([, value]) => value !== void 0);
  (0, import_node_fs.appendFileSync)(env2.GITHUB_OUTPUT, lines.map(([name, value]) => `${name}=${value}
`).join(""));
}
async function runAction(inputs, cli, env2) {
  const reports = reportFiles(env2);
  const planned = (await cli.run(planArgs(inputs, reports))).code;
  const next = { plan: afterPlan, apply: afterApplyPlan, drift: afterDriftPlan }[inputs.command];
  const answer = await next(cli, inputs, reports, planned);
  const code = cli.cancelled || ![0, 1, 2, 3].includes(answer) ? 1 : answer;
  writeOutputs(env2, {
    "exit-code": String(code),
    "has-changes": String(planned === 2),
    "plan-json": (0, import_node_fs.existsSync)(reports.planJson) ? reports.planJson : void 0,
    "plan-markdown": (0, import_node_fs.existsSync)(reports.planMarkdown) ? reports.planMarkdown : void 0
  });
  return code === 1 || code === 3 ? code : 0;
}

// src/action/main.ts
var env = import_node_process2.default.env;
try {
  const inputs = readInputs(env);
  import_node_process2.default.stdout.write(workflowCommand("add-mask", inputs.token));
  const workingDirectory = import_node_path2.default.resolve(inputs.workingDirectory);
  if (!(0, import_node_fs2.statSync)(workingDirectory, { throwIfNoEntry: false })?.isDirectory())
    throw new InputError(`working-directory ${inputs.workingDirectory} is not a folder in the workspace`);
  import_node_process2.default.chdir(workingDirectory);
  const bin = (0, import_node_url.fileURLToPath)(new URL("./pactflow-accounts.js", __bundleUrl));
  const cli = new Cli(bin, {
    ...env,
    PACT_BROKER_BASE_URL: inputs.baseUrl,
    PACT_BROKER_TOKEN: inputs.token,
    GITHUB_TOKEN: inputs.githubToken
  });
  runAction(inputs, cli, env).then(
    (code) => import_node_process2.default.exitCode = code,
    (error) => {
      import_node_process2.default.stdout.write(workflowCommand("error", error.message));
      import_node_process2.default.exitCode = 1;
    }
  );
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  import_node_process2.default.stdout.write(workflowCommand("error", error.message));
  import_node_process2.default.exitCode = 1;
}
//# sourceMappingURL=action.js.map
