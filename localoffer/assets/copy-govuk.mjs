// Copies GOV.UK Frontend's JavaScript, images and manifest into localoffer/static/govuk/
// (git-ignored build output). Fonts are left out on purpose: no GDS Transport for a council.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const src = "node_modules/govuk-frontend/dist/govuk";
const dest = "localoffer/static/govuk";
rmSync(dest, { recursive: true, force: true });
mkdirSync(`${dest}/assets`, { recursive: true });
cpSync(`${src}/govuk-frontend.min.js`, `${dest}/govuk-frontend.min.js`);
cpSync(`${src}/assets/images`, `${dest}/assets/images`, { recursive: true });
cpSync(`${src}/assets/manifest.json`, `${dest}/assets/manifest.json`);
console.log(`copied GOV.UK Frontend assets to ${dest}`);
