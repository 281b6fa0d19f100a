using Microsoft.Extensions.DependencyInjection;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Sites;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>The site <c>./run.sh</c> sets up, so browsing together and calls can be tried without claiming a tag.</summary>
public sealed class DemoSiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoSite_IsOwnedByTheConfiguredLogin_WithBrowsingTogetherPodsAndCallsOn()
    {
        var tag = TestTags.New();
        var login = Visitor.NewLogin();
        await using var app = WidgetApp.With(new Dictionary<string, string>
        {
            ["Demo:Site"] = tag, ["Demo:OwnerProvider"] = WidgetApp.Provider, ["Demo:OwnerLogin"] = login,
        });
        await app.InitializeAsync();

        using var owner = new Visitor(app, login);
        var signedIn = await owner.SignInAsync(Ct);
        var someoneElse = await Users.NewAsync(app, Ct);

        await using var scope = app.Services.CreateAsyncScope();
        var site = await scope.ServiceProvider.GetRequiredService<SiteStore>().FindAsync(Tag.Parse(tag), Ct);
        Assert.NotNull(site);
        Assert.Equal(signedIn.User.Id, site.OwnerId);
        Assert.NotEqual(someoneElse.User.Id, site.OwnerId);
        Assert.True(site.Settings.BrowseTogether);
        Assert.True(site.Settings.ShowVisitors);
        Assert.Equal(CallsMode.SignedIn, site.Settings.Calls);
        Assert.Equal("#" + tag, site.Settings.Title);
    }
}
