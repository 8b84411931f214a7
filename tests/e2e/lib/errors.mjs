// Every error the extension could cause, in every console: the pages' (exceptions, and errors that name the
// extension), the extension's own pages (any error; in Firefox, uncaught errors and rejections) and the background
// (uncaught errors, rejections, console.error).
const OURS = /chrome-extension:|moz-extension:|lectern|detect\.js/i;

/** Starts collecting; `take()` returns what was collected since the last call (background included). */
export async function watchErrors(driver) {
  const errors = [];
  const isExtension = (url) => /^(chrome|moz)-extension:/.test(url);

  if (driver.name === 'chromium') {
    driver.context.on('weberror', (e) => errors.push(`${e.page()?.url() ?? 'page'}: ${e.error().message}`));
    driver.context.on('console', (m) => {
      if (m.type() !== 'error') return;
      const url = m.page()?.url() ?? m.location().url ?? '';
      if (isExtension(url) || OURS.test(`${m.text()} ${m.location().url}`)) errors.push(`${url}: ${m.text()}`);
    });
    driver.worker.on('console', (m) => m.type() === 'error' && errors.push(`background: ${m.text()}`));
  } else {
    const watch = (page) => {
      page.on('pageerror', (e) => {
        // Firefox reports a page's own CSP blocking its own resources as errors too: those are the page's business.
        if (/^Content-Security-Policy:/.test(e.message) && !OURS.test(e.message) && !isExtension(page.url())) return;
        errors.push(`${page.url()}: ${e.message}`);
      });
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (isExtension(page.url()) || OURS.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
      });
    };
    for (const page of await driver.browser.pages()) watch(page);
    // The driver hears no console of extension pages in Firefox: the browser's own console service does (uncaught
    // errors and rejections of every document, the content script and the background included); what comes from
    // Lectern's files is kept. (console.error calls of extension pages don't reach it from their process.)
    await driver.chromeEval(`(() => {
      if (globalThis.__lecternErrors) return;
      const list = (globalThis.__lecternErrors = []);
      const ours = (source) => /^moz-extension:/.test(source ?? '');
      Services.console.registerListener({
        observe(message) {
          if (!(message instanceof Ci.nsIScriptError)) return;
          if (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) return;
          // Firefox's note that an extension API call settled after its page closed (a test closes a reader or
          // popup the moment it has what it checks): a closed page, not an error in one. Rejected only for that
          // reason (the page's message channel torn down with it); any other rejection stays an error.
          if (/Promise resolved after context unloaded/.test(message.errorMessage)) return;
          if (/Promise rejected after context unloaded: Actor 'Conduits' destroyed before query/.test(message.errorMessage))
            return;
          if (ours(message.sourceName) || /moz-extension:/.test(message.errorMessage))
            list.push(message.sourceName + ': ' + message.errorMessage);
        },
      });
    })()`);
    driver.browser.on('targetcreated', async (target) => {
      const page = await target.page().catch(() => null);
      if (page) watch(page);
    });
  }

  // The background: listeners of its own, so nothing depends on the driver reaching its console.
  const install = (g) => {
    if (g.__lecternErrors) return;
    const list = (g.__lecternErrors = []);
    g.addEventListener('error', (e) => list.push(`error: ${e.message}`));
    g.addEventListener('unhandledrejection', (e) => list.push(`rejection: ${e.reason}`));
    const original = g.console.error.bind(g.console);
    g.console.error = (...args) => {
      list.push(`console.error: ${args.join(' ')}`);
      original(...args);
    };
  };
  // Chromium: the service worker itself. Firefox: the MV2 background page, reached from an extension page
  // (its CSP allows no eval, so the listeners are functions of that page).
  const inBackground = (fn) =>
    driver.name === 'chromium'
      ? driver.ext(`(${fn})(globalThis)`)
      : driver.ext(`(async () => (${fn})(await browser.runtime.getBackgroundPage()))()`);
  await inBackground(install.toString());
  const collected = (g) => g.__lecternErrors.splice(0).map(String);

  return {
    async take() {
      const background = await inBackground(collected.toString());
      const browserConsole =
        driver.name === 'firefox'
          ? JSON.parse(await driver.chromeEval('JSON.stringify(globalThis.__lecternErrors.splice(0))'))
          : [];
      return [...errors.splice(0), ...background.map((e) => `background ${e}`), ...browserConsole];
    },
  };
}
