using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Widget.Web.Auth;
using Widget.Web.Realtime;
using Widget.Web.Viewing;

namespace Widget.Web.Hosting;

public static class WebHostingExtensions
{
    /// <summary>Where Blazor's circuits connect: each runs as whoever the first-party cookie says.</summary>
    private const string CircuitPath = "/_blazor";

    public static WebApplicationBuilder AddWidgetPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidation>();
        builder.Services.AddSingleton<PublicUrls>();
        // Every cookie set over https is Secure, whoever sets it and whatever it asked for: the antiforgery
        // cookie, for one, asks for nothing.
        builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Razor's default encoder writes every non-Latin letter as an entity: a Russian post would
        // travel at four times its size. Encoding stays on for everything that is markup.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddCascadingAuthenticationState();
        // Our own headers decide who may frame a page; antiforgery's SAMEORIGIN would break the widget.
        builder.Services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
        builder.Services.AddOutputCache(options => options.AddBasePolicy(new WidgetPageCachePolicy()));
        builder.Services.AddSingleton<WidgetPageEvictions>();
        builder.Services.AddSingleton<LocalPageCacheEvictions>();
        builder.Services.TryAddSingleton<IPageCacheEvictions>(services => services.GetRequiredService<LocalPageCacheEvictions>());
        return builder;
    }

    /// <summary>Right after the forwarded headers, so the scheme is the client's and no response escapes them.</summary>
    public static WebApplication UseWidgetSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }

    public static WebApplication UseWidgetPipeline(this WebApplication app)
    {
        // A widget's WebSocket request lasts as long as the widget is open, and every middleware it passes
        // keeps a frame for that long. The hub answers its own errors and sets no cookie of its own, and the
        // session cookies' handlers ask for Secure themselves, so these stay off its path.
        app.UseWhen(context => !WidgetHubs.Serves(context), pages => pages
            .UseCookiePolicy()
            .UseExceptionHandler()
            .UseStatusCodePages(NotFoundPages.HandleAsync));
        // Compressing a response that holds both a secret and text someone else wrote lets an attacker
        // read the secret from its size (BREACH). The widget's responses hold no secret: they are the same
        // for every visitor, with no antiforgery token, cookie value or per-user data in them. The pages
        // that carry antiforgery tokens stay uncompressed.
        // The widget page is kept rendered and compressed until something on it changes, and handed out
        // before routing and authentication, which it needs neither of.
        app.UseWhen(WidgetEndpoints.ServesEveryone, widget => widget
            .UseWhen(WidgetPageCachePolicy.IsPage, page => page.UseOutputCache().UseMiddleware<WidgetPageValidators>())
            .UseResponseCompression());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseWidgetAuthentication();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>The interactive pages for webmasters and moderators.</summary>
    public static WebApplication MapWidgetAdminPages(this WebApplication app)
    {
        // A sibling site's page sends the Lax session cookie with a WebSocket, which no CORS check stops;
        // its circuit would act as the webmaster.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(CircuitPath), circuit => circuit.UseMiddleware<HubOriginGuard>());
        // Our own CSP already says frame-ancestors 'none' here; Blazor's default would add a second header.
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
