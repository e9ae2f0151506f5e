/**
 * Places a secret, assigned to a key name, in the file syntaxes where tokens turn up in real
 * repositories. Each context gives a file path and content.
 */
export interface PlacedSample {
  context: string;
  path: string;
  content: string;
}

export function placeInContexts(name: string, secret: string): PlacedSample[] {
  const camel = name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return [
    { context: "env", path: ".env", content: `# local settings\n${name}=${secret}\nDEBUG=1\n` },
    { context: "yaml", path: "config/settings.yaml", content: `service:\n  ${name.toLowerCase()}: "${secret}"\n  retries: 3\n` },
    { context: "json", path: "config/settings.json", content: `{\n  "${name}": "${secret}",\n  "enabled": true\n}\n` },
    { context: "typescript", path: "src/client.ts", content: `export const ${camel} = "${secret}";\n` },
    { context: "python", path: "app/settings.py", content: `${name} = '${secret}'\n` },
    { context: "go", path: "cmd/main.go", content: `package main\n\nfunc main() {\n\t${camel} := "${secret}"\n\t_ = ${camel}\n}\n` },
    { context: "shell", path: "scripts/run.sh", content: `#!/bin/sh\nexport ${name}="${secret}"\n./run\n` },
    { context: "dockerfile", path: "Dockerfile", content: `FROM node:20\nENV ${name}=${secret}\nCMD ["node", "index.js"]\n` },
    { context: "markdown", path: "docs/setup.md", content: `# Setup\n\n\`\`\`sh\n${name}=${secret} npm start\n\`\`\`\n` },
    {
      context: "notebook",
      path: "analysis.ipynb",
      content: JSON.stringify({ cells: [{ cell_type: "code", source: [`${name} = "${secret}"\n`, "print(1)\n"] }] }, null, 1),
    },
  ];
}
