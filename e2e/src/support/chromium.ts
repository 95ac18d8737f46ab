import { existsSync } from 'node:fs';

/** Chromium from CHROMIUM_PATH, else Debian's /usr/bin/chromium; never a downloaded browser. */
export function chromiumPath(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  const found = candidates.find(
    (c): c is string => typeof c === 'string' && c !== '' && existsSync(c),
  );
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests (looked at CHROMIUM_PATH, /usr/bin/chromium). ' +
        'Install it with `sudo apt-get update && sudo apt-get install -y chromium`, ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
