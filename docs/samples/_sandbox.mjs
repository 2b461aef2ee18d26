// Sandbox-only set-up for the JavaScript samples: the same helper the curl and Python samples use.
//
// A sample's lines ending with `// sandbox-only` call provide(), which runs _sandbox.py (Python's
// standard library only) to create what the sample needs in a fresh `signly-sandbox serve` and
// sets the missing variables in process.env. A variable that is already set is never touched.
// Those lines are left out of the published docs.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const helper = fileURLToPath(new URL("./_sandbox.py", import.meta.url));

export function provide(...names) {
  const output = execFileSync("python3", [helper, "--json", ...names], {
    encoding: "utf8",
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  for (const [name, value] of Object.entries(JSON.parse(output))) {
    process.env[name] = value;
  }
}
