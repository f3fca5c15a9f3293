// Response headers that make injected markup inert: a Content-Security-Policy that allows only
// this server's own script and style files (no inline script, no inline style, nothing from
// elsewhere), no framing, no MIME sniffing, no referrer leaving the site.
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

export function security(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only means something over HTTPS; a proxy in front sets it for its own name.
    strictTransportSecurity: false,
    // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts,
    // and the upload check needs the real origin.
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Reports are standalone files (styles and fonts inside, no script): when one is opened from
 * the server it may use its own inline styles and data: fonts, and still runs no script at all.
 */
export function standaloneReportPolicy(res: Response): void {
  res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox");
}
