/**
 * The Content Security Policy for the renderer, sent as a response header by every door that
 * serves it (the Electron custom protocol; the loopback host may use the same string). A header,
 * not a <meta> tag: a meta CSP cannot set frame-ancestors and applies only after the page has
 * started parsing.
 *
 * The renderer is a bundled app from its own origin: no inline script, no eval, no remote code,
 * no plugins, no frames, no form posts. Images may be data: URLs (charts, small icons). React sets
 * styles through the CSSOM (element.style), which style-src does not restrict.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  // SECURITY: everything not listed below is forbidden (media, manifests, frames, …).
  'default-src': ["'none'"],
  // SECURITY: no 'unsafe-inline' and no 'unsafe-eval': injected markup cannot run script.
  'script-src': ["'self'"],
  // SECURITY: no inline <style> or style="" attributes from injected markup.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // The letter preview parses PDFs in a worker (pdf.js); only a script of our own origin may be one.
  'worker-src': ["'self'"],
  // SECURITY: the renderer may talk only to its own origin (no exfiltration by fetch/WebSocket).
  'connect-src': ["'self'"],
  // SECURITY: no plugins, no <base> rewriting, no form posts, not framable.
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
