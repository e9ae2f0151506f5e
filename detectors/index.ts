/**
 * Every detector, sorted by id. Adding a provider: a folder detectors/<id>/ (index.ts, samples.ts,
 * and emulator.ts when it has an API) and one line in each list here. test/registry.test.ts checks both.
 */
import type { Detector } from "../src/types.js";
import { detector as alibaba } from "./alibaba/index.js";
import { detector as anthropic } from "./anthropic/index.js";
import { detector as atlassian } from "./atlassian/index.js";
import { detector as aws } from "./aws/index.js";
import { detector as azureStorage } from "./azure-storage/index.js";
import { detector as cloudflare } from "./cloudflare/index.js";
import { detector as connectionString } from "./connection-string/index.js";
import { detector as databricks } from "./databricks/index.js";
import { detector as datadog } from "./datadog/index.js";
import { detector as digitalocean } from "./digitalocean/index.js";
import { detector as discord } from "./discord/index.js";
import { detector as dockerHub } from "./docker-hub/index.js";
import { detector as doppler } from "./doppler/index.js";
import { detector as dynatrace } from "./dynatrace/index.js";
import { detector as flyio } from "./flyio/index.js";
import { detector as genericSecret } from "./generic-secret/index.js";
import { detector as github } from "./github/index.js";
import { detector as gitlab } from "./gitlab/index.js";
import { detector as googleCloud } from "./google-cloud/index.js";
import { detector as grafana } from "./grafana/index.js";
import { detector as hashicorpTerraform } from "./hashicorp-terraform/index.js";
import { detector as heroku } from "./heroku/index.js";
import { detector as huggingface } from "./huggingface/index.js";
import { detector as linear } from "./linear/index.js";
import { detector as mailchimp } from "./mailchimp/index.js";
import { detector as mailgun } from "./mailgun/index.js";
import { detector as netlify } from "./netlify/index.js";
import { detector as newRelic } from "./new-relic/index.js";
import { detector as notion } from "./notion/index.js";
import { detector as npm } from "./npm/index.js";
import { detector as openai } from "./openai/index.js";
import { detector as planetscale } from "./planetscale/index.js";
import { detector as postman } from "./postman/index.js";
import { detector as postmark } from "./postmark/index.js";
import { detector as privateKey } from "./private-key/index.js";
import { detector as pulumi } from "./pulumi/index.js";
import { detector as pypi } from "./pypi/index.js";
import { detector as railway } from "./railway/index.js";
import { detector as render } from "./render/index.js";
import { detector as rubygems } from "./rubygems/index.js";
import { detector as sendgrid } from "./sendgrid/index.js";
import { detector as sentry } from "./sentry/index.js";
import { detector as shopify } from "./shopify/index.js";
import { detector as slack } from "./slack/index.js";
import { detector as square } from "./square/index.js";
import { detector as stripe } from "./stripe/index.js";
import { detector as supabase } from "./supabase/index.js";
import { detector as telegram } from "./telegram/index.js";
import { detector as twilio } from "./twilio/index.js";
import { detector as vercel } from "./vercel/index.js";

export const detectors: readonly Detector[] = [
  alibaba,
  anthropic,
  atlassian,
  aws,
  azureStorage,
  cloudflare,
  connectionString,
  databricks,
  datadog,
  digitalocean,
  discord,
  dockerHub,
  doppler,
  dynatrace,
  flyio,
  genericSecret,
  github,
  gitlab,
  googleCloud,
  grafana,
  hashicorpTerraform,
  heroku,
  huggingface,
  linear,
  mailchimp,
  mailgun,
  netlify,
  newRelic,
  notion,
  npm,
  openai,
  planetscale,
  postman,
  postmark,
  privateKey,
  pulumi,
  pypi,
  railway,
  render,
  rubygems,
  sendgrid,
  sentry,
  shopify,
  slack,
  square,
  stripe,
  supabase,
  telegram,
  twilio,
  vercel,
];
