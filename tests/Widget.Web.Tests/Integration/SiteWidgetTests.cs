using System.Net;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Integration;

public sealed class SiteWidgetTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Widget_OfASiteWithAllowedDomains_MayBeFramedOnlyByThem()
    {
        var (open, closed) = (TestTags.New(), TestTags.New());
        var owner = await SignedInOwnerAsync();
        await SiteSeeder.ClaimAsync(app.Services, closed, owner.Id, new SiteSettings { AllowedDomains = ["example.com", "127.0.0.1:8080"] }, Ct);
        using var client = app.CreateClient();

        using var openResponse = await client.GetAsync($"/w/{open}", Ct);
        using var closedResponse = await client.GetAsync($"/w/{closed}", Ct);

        Assert.EndsWith("frame-ancestors *", Csp(openResponse), StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'self' example.com:* 127.0.0.1:8080", Csp(closedResponse), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_OffersBrowseTogether_OnlyWhereItsSiteTurnedItOn_InTheSitesLanguage()
    {
        var (plain, together, russian) = (TestTags.New(), TestTags.New(), TestTags.New());
        var owner = await SignedInOwnerAsync();
        await SiteSeeder.ClaimAsync(app.Services, plain, owner.Id, new SiteSettings(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, together, owner.Id, new SiteSettings { BrowseTogether = true }, Ct);
        await SiteSeeder.ClaimAsync(app.Services, russian, owner.Id, new SiteSettings { BrowseTogether = true, Language = WidgetLanguage.Ru }, Ct);
        using var client = app.CreateClient();

        var plainHtml = await client.GetStringAsync($"/w/{plain}", Ct);
        var unclaimedHtml = await client.GetStringAsync($"/w/{TestTags.New()}", Ct);
        var togetherHtml = await client.GetStringAsync($"/w/{together}", Ct);
        var russianHtml = await client.GetStringAsync($"/w/{russian}", Ct);

        Assert.DoesNotContain("together-start", plainHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("together-start", unclaimedHtml, StringComparison.Ordinal);
        Assert.Contains(">Browse together</button>", togetherHtml, StringComparison.Ordinal);
        Assert.Contains(">Ask to join</button>", togetherHtml, StringComparison.Ordinal);
        Assert.Contains(">Смотреть вместе</button>", russianHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_OffersShowMeOnThisPage_OnlyWhereItsSiteShowsVisitors_InTheSitesLanguage()
    {
        var (plain, pods, russian) = (TestTags.New(), TestTags.New(), TestTags.New());
        var owner = await SignedInOwnerAsync();
        await SiteSeeder.ClaimAsync(app.Services, plain, owner.Id, new SiteSettings { BrowseTogether = true }, Ct);
        await SiteSeeder.ClaimAsync(app.Services, pods, owner.Id, new SiteSettings { ShowVisitors = true }, Ct);
        await SiteSeeder.ClaimAsync(app.Services, russian, owner.Id, new SiteSettings { ShowVisitors = true, Language = WidgetLanguage.Ru }, Ct);
        using var client = app.CreateClient();

        var plainHtml = await client.GetStringAsync($"/w/{plain}", Ct);
        var podsHtml = await client.GetStringAsync($"/w/{pods}", Ct);
        var russianHtml = await client.GetStringAsync($"/w/{russian}", Ct);

        Assert.DoesNotContain("pods-show", plainHtml, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" class=\"pods-show\"\\s*/?> Show me on this page</label>", podsHtml);
        Assert.Contains("Показывать меня на этой странице", russianHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_OfAConfiguredSite_ShowsItsTitleThemeLanguageAndStylesheet()
    {
        var tag = TestTags.New();
        var owner = await SignedInOwnerAsync();
        var settings = new SiteSettings
        {
            Title = "Our <chat>", Theme = WidgetTheme.Dark, Language = WidgetLanguage.Ru,
            AccentColor = "#ff0000", CustomCss = ".post-author { font-weight: 700 }",
        };
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.Id, settings, Ct);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync($"/w/{tag}", Ct);
        var href = System.Text.RegularExpressions.Regex.Match(html, $"href=\"(/w/{tag}/site.css\\?v=[0-9]+)\"").Groups[1].Value;
        using var css = await client.GetAsync(href, Ct);

        Assert.Contains("<title>Our &lt;chat&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("data-theme=\"dark\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
        Assert.Contains(WidgetLabels.Russian.Send, html, StringComparison.Ordinal);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var body = await css.Content.ReadAsStringAsync(Ct);
        Assert.Contains("--widget-accent:#ff0000", body, StringComparison.Ordinal);
        Assert.Contains(".post-author { font-weight: 700 }", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_OfUnsavedSettings_IsShownToTheOwnerOnly()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Title = "Saved title" }, Ct);
        var draft = SitePreview.Encode(new SiteSettings { Title = "Draft title" });
        using var stranger = app.CreateClient();

        var asOwner = await ownerVisitor.Browser.GetStringAsync($"/w/{tag}?preview={draft}", Ct);
        var asStranger = await stranger.GetStringAsync($"/w/{tag}?preview={draft}", Ct);

        Assert.Contains("Draft title", asOwner, StringComparison.Ordinal);
        Assert.Contains("Saved title", asStranger, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft title", asStranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configurator_WhenNotSignedIn_SendsToSignIn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/sites", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location?.AbsolutePath ?? "", StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Csp(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configurator_ForTheOwner_RendersTheFormPreviewAndSnippets()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Title = "Mine" }, Ct);

        using var response = await ownerVisitor.Browser.GetAsync($"/sites/{tag}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"src=\"/w/{tag}?preview=", html, StringComparison.Ordinal);
        Assert.Contains("id=\"snippet-iframe\"", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Csp(response), StringComparison.Ordinal);
    }

    private async Task<Widget.Web.Auth.TokenUser> SignedInOwnerAsync()
    {
        using var visitor = new Visitor(app, Visitor.NewLogin());
        return (await visitor.SignInAsync(Ct)).User;
    }

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();
}
