// Development-only OpenID Connect provider: any login/password signs in, and the
// login becomes the subject. Configured entirely through environment variables so
// run.sh and the test harness can start one per port.
import Provider from 'oidc-provider';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required`);
    process.exit(1);
  }
  return value;
}

function list(value) {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

const port = Number(required('OIDC_PORT'));
const host = process.env.OIDC_HOST || '127.0.0.1';
const issuer = process.env.OIDC_ISSUER || `http://localhost:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID || 'widget-dev',
    client_secret: process.env.OIDC_CLIENT_SECRET || 'widget-dev-secret',
    redirect_uris: list(required('OIDC_REDIRECT_URIS')),
    post_logout_redirect_uris: list(process.env.OIDC_POST_LOGOUT_REDIRECT_URIS),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    // oidc-provider accepts client_secret_post as well for a client registered with
    // client_secret_basic; ASP.NET Core's OpenIdConnect handler posts the secret.
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
  },
  async findAccount(ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          name: sub,
          preferred_username: sub,
          email: `${sub}@example.test`,
          email_verified: true,
        };
      },
    };
  },
  features: {
    devInteractions: { enabled: true },
  },
  // No cookie settings are needed for plain http: oidc-provider marks its cookies Secure only on
  // https requests, and its SameSite=Lax cookies survive the hops between localhost ports, which
  // browsers treat as one site.
});

// The development pages import a web font from the internet; nothing here may reach outside this
// machine, and the pages read as well in the browser's own sans-serif.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string' && ctx.type === 'text/html') {
    ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);/g, '');
  }
});

const server = provider.listen(port, host, () => {
  console.log(`oidc-provider listening on ${issuer}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  // Browsers and HttpClient keep connections alive; without this close() waits for them.
  server.closeAllConnections();
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
