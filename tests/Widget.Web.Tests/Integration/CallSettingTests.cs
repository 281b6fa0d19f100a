using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class CallSettingTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Widget_OffersTheCall_OnlyWhereTheSiteTurnedCallsOn_InItsLanguage()
    {
        var (unclaimed, plain, english, russian) = (TestTags.New(), TestTags.New(), TestTags.New(), TestTags.New());
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, plain, owner.User.Id, new SiteSettings(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, english, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        await SiteSeeder.ClaimAsync(app.Services, russian, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn, Language = WidgetLanguage.Ru }, Ct);
        using var client = app.CreateClient();

        var pages = await Task.WhenAll(new[] { unclaimed, plain, english, russian }.Select(t => client.GetStringAsync($"/w/{t}", Ct)));

        Assert.All(pages[..2], page => Assert.DoesNotContain("call-join", page, StringComparison.Ordinal));
        Assert.Contains("Join the call</button>", pages[2], StringComparison.Ordinal);
        Assert.Contains("/css/calls.css", pages[2], StringComparison.Ordinal);
        Assert.Contains("Присоединиться к звонку</button>", pages[3], StringComparison.Ordinal);
    }
}
