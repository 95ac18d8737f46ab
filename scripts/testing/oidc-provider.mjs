// A real OpenID provider for tests (oidc-provider), run as its own process: the integration and
// browser specs start it (ES module only, it cannot load inside Jest) and talk to it over HTTP.
//
//   node scripts/testing/oidc-provider.mjs   ->   prints {"issuer":"http://127.0.0.1:<port>"}
//
// Client `waypoint` (secret `waypoint-test-secret`) is a native-type client, so its loopback
// redirect URI matches whatever port the app listens on (RFC 8252 7.3). Accounts are set by the
// spec: TEST_OIDC_ACCOUNTS at start, or PUT /_test/accounts/<login> {email, name, groups}. PUT /_test/tamper {audience} makes the
// next token answer carry an ID token for another audience, signed with the provider's own key.
// The sign-in page asks for a login name only.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import Provider from 'oidc-provider';

const CLIENT_ID = process.env.TEST_OIDC_CLIENT_ID ?? 'waypoint';
const CLIENT_SECRET = process.env.TEST_OIDC_CLIENT_SECRET ?? 'waypoint-test-secret';
// Accounts to begin with (TEST_OIDC_ACCOUNTS: {"<login>": {email, name, groups}}), more by PUT.
const accounts = new Map(Object.entries(JSON.parse(process.env.TEST_OIDC_ACCOUNTS ?? '{}')));
let tamper = null;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      application_type: 'native',
      client_name: 'Waypoint',
      redirect_uris: [
        'http://127.0.0.1/api/auth/sso/callback',
        'http://localhost/api/auth/sso/callback',
      ],
      post_logout_redirect_uris: ['http://127.0.0.1/sign-in', 'http://localhost/sign-in'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [jwk] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  // The claims go in the ID token (as most providers put groups there), not only in userinfo.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['test-cookie-key-for-the-oidc-provider'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: account.email,
          email_verified: true,
          name: account.name,
          groups: account.groups,
        };
      },
    };
  },
});
provider.proxy = false;

// The one-shot tamper: the next ID token is re-signed (with the provider's key) for `audience`.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || !tamper || !ctx.body || typeof ctx.body !== 'object') return;
  const body = ctx.body;
  if (typeof body.id_token !== 'string') return;
  const claims = { ...decodeJwt(body.id_token), aud: tamper.audience };
  const header = decodeProtectedHeader(body.id_token);
  body.id_token = await new SignJWT(claims).setProtectedHeader(header).sign(privateKey);
  tamper = null;
});

const handle = provider.callback();

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function page(res, status, title, body) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;margin:.5rem 0;font-size:1rem}
input,button{padding:.5rem;box-sizing:border-box}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`);
}

server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname.startsWith('/_test/')) {
      const payload = JSON.parse((await readBody(req)) || '{}');
      const [, , kind, name] = url.pathname.split('/');
      if (kind === 'accounts' && name) accounts.set(decodeURIComponent(name), payload);
      else if (kind === 'tamper') tamper = payload;
      else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(204).end();
      return;
    }
    const match = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    if (match) {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        page(
          res,
          200,
          'Test identity provider',
          `<form method="post" action="/interaction/${escape(match[1])}">
  <label for="login">Username</label><input id="login" name="login" autocomplete="username" required>
  <button type="submit">Continue</button></form>`,
        );
        return;
      }
      const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
      if (!accounts.has(login)) {
        page(
          res,
          200,
          'Test identity provider',
          `<p role="alert">No account ${escape(login)}.</p>`,
        );
        return;
      }
      const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    handle(req, res);
  } catch (error) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error?.stack ?? error));
  }
});

process.stdout.write(
  `${JSON.stringify({ issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })}\n`,
);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
