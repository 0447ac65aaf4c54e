// The browser checks on Playwright's test runner: `npx playwright test` from tools/ (make
// browser-check and make cms-check run it). One Chromium, Debian's, launched once per run by
// checks/chromium.mjs and shared by the workers, each test in a browser context of its own.
//
// The site under test and the headers it is served with come from the environment:
//   SITE_DIR      the built site (default ../test-output/public, what make site-test writes)
//   NETLIFY_TOML  the file whose [[headers]] Netlify's own engine applies (default ../netlify.toml)
//   CHECKS_SHOTS  the pages photographed for review, space-separated (default "/")
//   CMS_CONFIG    the CMS's configuration with its test backend (make cms-check writes it)
//   GEN           the gen binary the CMS checks run `gen check -strict` with (default ../bin/gen)
//   CHECKS_NAME   names the reports: ../test-output/<name>-report.json and <name>-report/
import os from 'node:os';
import { defineConfig } from '@playwright/test';

const name = process.env.CHECKS_NAME || 'checks';

export default defineConfig({
  testDir: 'checks',
  outputDir: `../test-output/${name}-results`,
  globalSetup: './checks/chromium.mjs',
  fullyParallel: true,
  // One worker per core: each drives pages of the one Chromium.
  workers: os.availableParallelism(),
  // A check that fails once has failed: no retries (--retries N to look into a flaky one).
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [
    [process.env.CI ? 'dot' : 'list'],
    ['json', { outputFile: `../test-output/${name}-report.json` }],
    ['html', { outputFolder: `../test-output/${name}-report`, open: 'never' }],
  ],
  use: {
    serviceWorkers: 'block',
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    // Traces cost a quarter of the browser check's time even when none is kept:
    // PW_FLAGS=--trace=retain-on-failure records them to look into a failure.
    trace: 'off',
  },
  projects: [
    { name: 'browser', testMatch: 'browser.spec.mjs', use: { viewport: { width: 375, height: 800 }, colorScheme: 'light' } },
    { name: 'embed', testMatch: 'embed.spec.mjs', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'reading', testMatch: 'reading.spec.mjs', use: { viewport: { width: 390, height: 844 } } },
    { name: 'search', testMatch: 'search.spec.mjs', use: { viewport: { width: 1280, height: 800 } } },
    {
      name: 'cms',
      testMatch: 'cms.spec.mjs',
      timeout: 360_000,
      use: { viewport: { width: 1280, height: 5000 } },
      // The event created through the form is held to these files (--update-snapshots rewrites them).
      snapshotPathTemplate: '{testDir}/../testdata/cms/{arg}{ext}',
    },
    // gen check -strict on everything the CMS saved, once every edit is done.
    { name: 'cms-saved', testMatch: 'cms-saved.spec.mjs', dependencies: ['cms'] },
  ],
});
