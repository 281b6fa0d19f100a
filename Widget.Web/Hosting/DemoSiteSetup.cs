using Microsoft.Extensions.Options;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Accounts;
using Widget.Data.Sites;
using Widget.Web.Auth;

namespace Widget.Web.Hosting;

public static class DemoSiteSetup
{
    /// <summary>Claims <see cref="DemoSiteOptions.Site"/> for its configured owner unless someone holds it already.</summary>
    public static async Task SetUpDemoSiteAsync(this WebApplication app)
    {
        var demo = app.Configuration.GetSection(DemoSiteOptions.Section).Get<DemoSiteOptions>() ?? new DemoSiteOptions();
        if (demo.Site.Length == 0)
        {
            return;
        }

        var tag = Tag.TryParse(demo.Site, out var parsed)
            ? parsed.Value
            : throw new InvalidOperationException($"Demo:Site \"{demo.Site}\" is not a tag.");
        var providers = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Providers;
        var provider = providers.GetValueOrDefault(demo.OwnerProvider)
            ?? throw new InvalidOperationException("Demo:OwnerProvider must name one of Auth:Providers.");
        if (demo.OwnerLogin.Length == 0)
        {
            throw new InvalidOperationException("Set Demo:OwnerLogin to the account that will own the demo site.");
        }

        var ct = app.Lifetime.ApplicationStopping;
        await using var scope = app.Services.CreateAsyncScope();
        var ownerId = await scope.ServiceProvider.GetRequiredService<AccountStore>()
            .EnsureUserAsync(provider.Authority.TrimEnd('/'), demo.OwnerLogin, demo.OwnerLogin, ct);
        var settings = new SiteSettings { Title = "#" + tag.Value, BrowseTogether = true, ShowVisitors = true, Calls = CallsMode.SignedIn };
        await scope.ServiceProvider.GetRequiredService<SiteStore>().AddIfUnclaimedAsync(tag, ownerId, settings, ct);
    }
}
