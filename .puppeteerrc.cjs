/**
 * Puppeteer never downloads a browser: Expediente drives Debian's Chromium
 * (CHROME_PATH, default /usr/bin/chromium). See README "Requirements".
 */
module.exports = { skipDownload: true };
