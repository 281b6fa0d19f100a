using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Widget.Web.Realtime;

namespace Widget.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";
    private const string AuthorizationMiddlewareSetKey = "__AuthorizationMiddlewareSet";

    public static WebApplicationBuilder AddWidgetAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.AddOptions<AuthOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<AuthOptions>() ?? new AuthOptions();

        var auth = builder.Services.AddAuthentication(AuthPolicies.AutoScheme)
            .AddPolicyScheme(AuthPolicies.AutoScheme, "Bearer token or first-party cookie",
                policy => policy.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(bearer =>
            {
                bearer.BearerTokenExpiration = options.TokenLifetime;
                bearer.Events.OnMessageReceived = ReadHubTokenFromQuery;
            })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                // First-party only: the popup runs top-level on our own domain, so Lax is enough
                // and the iframe never depends on this cookie.
                cookie.Cookie.Name = "widget.session";
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = options.TokenLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/account/signin";
                cookie.EventsType = typeof(WidgetCookieEvents);
            })
            .AddCrossSiteSessionCookie(options);
        foreach (var (name, provider) in options.Providers)
        {
            auth.AddOpenIdConnect(AuthPolicies.OidcScheme(name), provider.DisplayName, oidc => ConfigureOidc(oidc, name, provider));
        }

        builder.Services.AddScoped<WidgetCookieEvents>();
        builder.Services.AddScoped<ExternalSignInEvents>();
        builder.Services.AddScoped<IClaimsTransformation, SessionClaimsTransformation>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ChallengeAnonymousResultHandler>();
        builder.Services.AddScoped<SessionGuard>();
        builder.Services.AddSingleton<SessionConnections>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddScoped<SessionHubFilter>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMemoryCache();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.SignedIn, policy => policy
                .AddAuthenticationSchemes(BearerTokenDefaults.AuthenticationScheme).RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Webmaster, policy => policy
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        builder.Services.AddSignInRateLimit(options.SignInRequestsPerMinute);
        return builder;
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, string name, OidcProviderOptions provider)
    {
        oidc.Authority = provider.Authority;
        oidc.ClientId = provider.ClientId;
        oidc.ClientSecret = provider.ClientSecret;
        oidc.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        oidc.ResponseType = "code";
        // The code comes back on a GET redirect, not a cross-site form POST, which Lax cookies
        // (the correlation cookie, the popup's nonce) would not survive.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = true;
        oidc.SaveTokens = false;
        oidc.Scope.Add("profile");
        oidc.Scope.Add("email");
        oidc.CallbackPath = "/signin-oidc/" + name;
        oidc.SignedOutCallbackPath = "/signout-callback-oidc/" + name;
        oidc.RemoteSignOutPath = "/signout-oidc/" + name;
        oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        oidc.EventsType = typeof(ExternalSignInEvents);
        // The code comes back by a top-level GET redirect, which Lax cookies survive; None would
        // need Secure, which a development provider on plain http cannot give.
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>
    /// Authenticates and authorizes every request but the live hub's without a token. A hub WebSocket's
    /// request lasts as long as the connection, and so did everything authentication resolved for it: the
    /// policy, cookie and OpenID Connect handlers, their events, the scoped services behind them. That was a
    /// third of what an open widget cost the server over a bare hub. The hub knows only bearer tokens, so a
    /// request without one has nothing to authenticate, and the hub checks each call itself.
    /// </summary>
    public static IApplicationBuilder UseWidgetAuthentication(this IApplicationBuilder app)
    {
        app.UseWhen(context => PresentsToken(context) || !WidgetHubs.Serves(context),
            branch => branch.UseAuthentication().UseAuthorization());
        // The branch marks only its own copy of the properties. Unmarked, WebApplication would put
        // authentication and authorization of its own at the head of the pipeline, for every request.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        app.Properties[AuthorizationMiddlewareSetKey] = true;
        return app;
    }

    /// <summary>
    /// A request that presents a token is judged by it alone; otherwise the first-party cookie counts,
    /// which is what the webmaster's pages (and their interactive circuit) run on.
    /// </summary>
    private static string SelectScheme(HttpContext context) =>
        PresentsToken(context) ? BearerTokenDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;

    private static bool PresentsToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (WidgetHubs.Serves(context) && context.Request.Query.ContainsKey("access_token"));

    /// <summary>Browsers cannot set headers on a WebSocket, so the hub takes its token from the query.</summary>
    private static Task ReadHubTokenFromQuery(Microsoft.AspNetCore.Authentication.BearerToken.MessageReceivedContext context)
    {
        if (WidgetHubs.Serves(context.HttpContext)
            && context.Request.Query.TryGetValue("access_token", out var token))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

}
