// Global set-up of the browser checks: one Debian Chromium for the whole run, which every
// worker connects to (fixtures.mjs). Returns its teardown.
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../serve.mjs';

export default async function launchChromium() {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  process.env.CHECKS_BROWSER = server.wsEndpoint();
  return () => server.close();
}
