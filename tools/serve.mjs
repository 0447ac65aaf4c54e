// Small static file server for the tests (shared by the browser checks, checks/*.spec.mjs, and lighthouse/run.mjs).
//
//   /x/            -> DIR/x/index.html
//   /x (a folder)  -> 301 to /x/
//   unknown path   -> 404 with the body of DIR/404.html when it exists
//   netlify.toml   -> every response gets the headers Netlify's own local engine
//                     (npm @netlify/headers, the one `netlify dev` uses) gives its path from the
//                     [[headers]] rules of that file (and of a _headers file in DIR, as on
//                     Netlify): all matching rules apply, in order, a later one winning per header.
//                     A syntax error in the rules, or a file with none, fails at start.
//
// Usage: const srv = await startServer({ dir, netlifyToml }); srv.origin; await srv.close();
// Also runnable by hand: node tools/serve.mjs --dir DIR [--netlify netlify.toml] [--port N]

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HeadersHandler } from '@netlify/headers';
import { parseAllHeaders } from '@netlify/headers-parser';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

// The header rules of a netlify.toml as Netlify's parser reads them ([{for, values, forRegExp}],
// in order), plus those of DIR/_headers when dir is given. Throws on a missing file, a syntax
// error or no rule at all: a typo must not serve the pages without their headers.
export async function readNetlifyHeaders(netlifyToml, dir = null) {
  if (!fs.existsSync(netlifyToml)) throw new Error(`${netlifyToml}: no such file`);
  const { headers, errors } = await parseAllHeaders({
    netlifyConfigPath: path.resolve(netlifyToml),
    headersFiles: dir ? [path.resolve(dir, '_headers')] : [],
    configHeaders: [],
    minimal: false,
  });
  if (errors.length) throw new Error(`${netlifyToml}: header rules with errors:\n${errors.map((e) => e.message).join('\n')}`);
  if (headers.length === 0) throw new Error(`${netlifyToml}: no [[headers]] rule`);
  return headers;
}

// Netlify's engine for the headers of netlify.toml (null: no headers). Its apply() reads the
// rules anew for each request, so an edit of the file applies at once.
async function headersEngine(netlifyToml, root) {
  if (!netlifyToml) return null;
  await readNetlifyHeaders(netlifyToml, root); // fail now rather than on the first request
  const handler = new HeadersHandler({
    configPath: path.resolve(netlifyToml),
    projectDir: path.dirname(path.resolve(netlifyToml)),
    publishDir: root,
    logger: { log: console.log, warn: console.warn, error: (m) => console.error(`serve.mjs: ${m}`) },
  });
  return (url) => handler.apply(new Request(url));
}

// Header objects merged left to right, names compared without case (a later one wins).
function merged(...objects) {
  const out = {};
  const names = {};
  for (const o of objects) {
    for (const [name, value] of Object.entries(o)) {
      const key = name.toLowerCase();
      if (names[key] !== undefined) delete out[names[key]];
      names[key] = name;
      out[name] = value;
    }
  }
  return out;
}

async function statOrNull(p) {
  try { return await fsp.stat(p); } catch { return null; }
}

// Map a URL path to {status, file, location}.
async function resolvePath(root, pathname) {
  let rel;
  try { rel = decodeURIComponent(pathname); } catch { return { status: 400 }; }
  if (rel.includes('\0')) return { status: 400 };
  const abs = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (abs !== root && !abs.startsWith(root + path.sep)) return { status: 404 };
  const st = await statOrNull(abs);
  if (st && st.isDirectory()) {
    if (!pathname.endsWith('/')) return { status: 301, location: pathname + '/' };
    const index = path.join(abs, 'index.html');
    const ist = await statOrNull(index);
    if (ist && ist.isFile()) return { status: 200, file: index };
    return { status: 404 };
  }
  if (st && st.isFile() && !pathname.endsWith('/')) return { status: 200, file: abs };
  return { status: 404 };
}

export async function startServer({ dir, netlifyToml = null, host = '127.0.0.1', port = 0, compress = true } = {}) {
  const root = path.resolve(dir);
  const rootStat = await statOrNull(root);
  if (!rootStat || !rootStat.isDirectory()) throw new Error(`not a directory: ${dir}`);
  const headersFor = await headersEngine(netlifyToml, root);
  const notFoundFile = path.join(root, '404.html');

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const pathname = url.pathname;
      const extra = headersFor ? await headersFor(url.href) : {};
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, merged(extra, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }));
        res.end('method not allowed\n');
        return;
      }
      let { status, file, location } = await resolvePath(root, pathname);
      if (status === 301) {
        res.writeHead(301, merged(extra, { Location: location + url.search, 'Content-Type': 'text/plain; charset=utf-8' }));
        res.end('moved\n');
        return;
      }
      if (status !== 200) {
        status = status === 400 ? 400 : 404;
        file = (await statOrNull(notFoundFile))?.isFile() ? notFoundFile : null;
      }
      let body = file ? await fsp.readFile(file) : Buffer.from('not found\n');
      const type = file ? contentTypeFor(file) : 'text/plain; charset=utf-8';
      let headers = merged({ 'Content-Type': type, 'Cache-Control': 'no-cache' }, extra);
      if (compress && body.length > 1024 && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = zlib.gzipSync(body, { level: 6 });
        headers = merged(headers, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      }
      headers = merged(headers, { 'Content-Length': body.length });
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`server error: ${err.message}\n`);
    }
  });
  server.keepAliveTimeout = 30_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const addr = server.address();
  const origin = `http://${host}:${addr.port}`;
  return {
    server,
    origin,
    port: addr.port,
    root,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    }),
  };
}

// Standalone use: node tools/serve.mjs --dir DIR [--netlify netlify.toml] [--port N]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const get = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const dir = get('--dir');
  if (!dir) { console.error('usage: node tools/serve.mjs --dir DIR [--netlify netlify.toml] [--port N]'); process.exit(2); }
  const srv = await startServer({ dir, netlifyToml: get('--netlify'), port: Number(get('--port') || 0) });
  console.log(`serving ${srv.root} on ${srv.origin}/ (Ctrl-C to stop)`);
}

// How the checks launch Debian's Chromium (checks/chromium.mjs and lighthouse/run.mjs alike).
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Any host name fails at once: a request to another origin is reported, never waited for.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// commandLine reads a tool's flags (node:util's parseArgs, with -h/--help added) and returns
// them with the tool's usage function: usage(msg) prints "NAME: msg" and the usage text, and
// exits 2. An unknown flag or --help calls it.
export function commandLine(name, usageText, options) {
  const usage = (msg) => {
    if (msg) console.error(`${name}: ${msg}`);
    console.error(`usage: ${usageText}`);
    process.exit(2);
  };
  let opts;
  try {
    opts = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (e) {
    usage(e.message);
  }
  if (opts.help) usage();
  return { opts, usage };
}
