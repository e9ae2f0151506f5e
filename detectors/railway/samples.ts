import type { DetectorSamples } from "../../src/detector-kit/index.js";

export const samples: DetectorSamples = {
  positive: (rng) => {
    const curl = rng.uuid();
    const fetchCall = rng.uuid();
    const pythonHeader = rng.uuid();
    const cliSession = rng.uuid();
    const toml = rng.uuid();
    return [
      { rule: "project-token", secret: rng.uuid(), name: "RAILWAY_TOKEN" },
      { rule: "project-token", secret: rng.uuid(), name: "RAILWAY_PROJECT_TOKEN" },
      { rule: "api-token", secret: rng.uuid(), name: "RAILWAY_API_TOKEN" },
      { rule: "api-token", secret: rng.uuid(), name: "RAILWAY_TEAM_TOKEN" },
      { rule: "token", secret: rng.uuid(), name: "RAILWAY_DOMAIN_TOKEN" },
      { rule: "token", secret: rng.uuid(), name: "CUSTOM_DOMAINS_RAILWAY_KEY" },
      {
        rule: "project-token-header",
        secret: curl,
        path: "scripts/deploy.sh",
        content: `#!/bin/sh\ncurl -s https://backboard.railway.com/graphql/v2 \\\n  -H "Project-Access-Token: ${curl}" \\\n  -H "Content-Type: application/json" \\\n  -d @query.json\n`,
      },
      {
        rule: "project-token-header",
        secret: pythonHeader,
        path: "tools/railway_status.py",
        content: `import requests\n\nHEADERS = {'Project-Access-Token': '${pythonHeader}'}\n`,
      },
      {
        rule: "api-bearer",
        secret: fetchCall,
        path: "scripts/custom-domains.ts",
        content:
          `// add the customer's domain\n` +
          `const res = await fetch("https://backboard.railway.com/graphql/v2", {\n` +
          `  method: "POST",\n` +
          `  headers: { Authorization: "Bearer ${fetchCall}", "Content-Type": "application/json" },\n` +
          `  body: JSON.stringify({ query }),\n});\n`,
      },
      {
        rule: "api-bearer",
        secret: curl,
        path: "scripts/custom-domains.sh",
        content: `#!/bin/sh\ncurl -X POST -H "Authorization: Bearer ${curl}" \\\n  https://backboard.railway.app/graphql/v2 -d "$BODY"\n`,
      },
      {
        rule: "config-file",
        secret: cliSession,
        path: "home/.railway/config.json",
        content: `{\n  "projects": {},\n  "user": {\n    "token": "${cliSession}"\n  },\n  "linkedFunctions": null\n}\n`,
      },
      {
        rule: "config-file",
        secret: toml,
        path: "railway.toml",
        content: `[build]\nbuilder = "NIXPACKS"\n\n[deploy]\napi_token = "${toml}"\n`,
      },
    ];
  },
  negative: (rng) => {
    const id = rng.uuid();
    return [
      { content: `RAILWAY_TOKEN=your_railway_token_here\n`, why: "placeholder" },
      { content: `RAILWAY_TOKEN=00000000-0000-0000-0000-000000000000\n`, why: "placeholder UUID (repeated characters)" },
      { content: "RAILWAY_TOKEN=${RAILWAY_TOKEN}\nRAILWAY_API_TOKEN=$RAILWAY_API_TOKEN\n", why: "reference to an environment variable" },
      {
        content: "env:\n  RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}\n",
        path: ".github/workflows/deploy.yml",
        why: "reference to a secret store",
      },
      { content: `const token = process.env.RAILWAY_API_TOKEN;\n`, path: "src/deploy.ts", why: "reference in code" },
      { content: `RAILWAY_PROJECT_ID=${id}\nRAILWAY_ENVIRONMENT_ID=${rng.uuid()}\n`, why: "Railway identifiers, not credentials" },
      { content: `SESSION_ID=${id}\nrequest_id: ${rng.uuid()}\n`, why: "bare UUIDs with no Railway evidence" },
      { content: `RAILWAY_TOKEN=${id.slice(0, 30)}\n`, why: "wrong shape (truncated UUID)" },
      { content: `RAILWAY_TOKEN=${id}a1\n`, why: "wrong shape (longer than a UUID)" },
      { content: `curl -H "Authorization: Bearer ${id}" https://api.example.com/v1\n`, why: "Bearer UUID sent to another API" },
      { content: `{ "projects": { "/srv/app": { "project": "${id}", "environment": "${rng.uuid()}" } } }\n`, path: ".railway/config.json", why: "linked project ids, no token" },
    ];
  },
};
