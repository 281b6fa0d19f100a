using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// Every absolute address the service writes is built on Hosting:PublicOrigin. The shared service's is
/// http://localhost:PORT; these requests name it 127.0.0.1:PORT instead, a host AllowedHosts lets in.
/// </summary>
public sealed class PublicOriginTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PublicOrigin => app.BaseAddress.GetLeftPart(UriPartial.Authority);

    private string OtherName => "127.0.0.1:" + app.BaseAddress.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task PublicPage_AskedForByAnotherName_LinksToThePublicOrigin()
    {
        var tag = TestTags.New();
        await (await Author.SignInAsync(app, Ct)).PostAsync(tag, "linked", Ct);
        using var client = app.CreateClient();

        using var response = await client.SendAsync(ByOtherName(HttpMethod.Get, $"/t/{tag}"), Ct);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{PublicOrigin}/t/{tag}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"{PublicOrigin}/t/{tag}", page.QuerySelector("meta[property=\"og:url\"]")!.GetAttribute("content"));
        Assert.Equal($"{PublicOrigin}/t/{tag}/feed.atom", page.QuerySelector("link[rel=alternate]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Feed_AskedForByAnotherName_LinksToThePublicOrigin()
    {
        var tag = TestTags.New();
        await (await Author.SignInAsync(app, Ct)).PostAsync(tag, "in the feed", Ct);
        using var client = app.CreateClient();

        using var response = await client.SendAsync(ByOtherName(HttpMethod.Get, $"/t/{tag}/feed.atom"), Ct);
        var feed = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<id>{PublicOrigin}/t/{tag}</id>", feed, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicOrigin}/t/{tag}/feed.atom\"", feed, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherName, feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configurator_AskedForByAnotherName_GivesSnippetsOnThePublicOrigin()
    {
        var tag = TestTags.New();
        using var owner = new Visitor(app, Visitor.NewLogin());
        var signedIn = await owner.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, signedIn.User.Id, new SiteSettings(), Ct);

        using var response = await owner.Browser.SendAsync(ByOtherName(HttpMethod.Get, $"/sites/{tag}"), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode($"src=\"{PublicOrigin}/w/{tag}\""), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode($"src=\"{PublicOrigin}/embed.js\""), html, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherName, html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The provider is told where to send the code in a pushed authorization request, and it knows the service only
    /// by its public origin: a redirect URI built on the other name is refused there, and the sign-in never leaves.
    /// </summary>
    [Fact]
    public async Task SignIn_StartedByAnotherName_GoesToTheProviderWithThePublicCallback()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var response = await client.SendAsync(ByOtherName(HttpMethod.Get, $"/account/login/{WidgetApp.Provider}?returnUrl=/sites"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var provider = response.Headers.Location!;
        Assert.NotEqual(app.BaseAddress.Port, provider.Port);
        Assert.NotNull(System.Web.HttpUtility.ParseQueryString(provider.Query)["request_uri"]);
    }

    [Fact]
    public async Task SignedOutWebmaster_AskingByAnotherName_IsSentToSignInOnThePublicOrigin()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var response = await client.SendAsync(ByOtherName(HttpMethod.Get, "/sites"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{PublicOrigin}/account/signin?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The popup hands its code only to a window of this origin: ours, not the name it was asked by.</summary>
    [Fact]
    public async Task PopupsLastPage_AskedForByAnotherName_HandsTheCodeToThePublicOrigin()
    {
        using var visitor = new Visitor(app, Visitor.NewLogin());
        await visitor.SignInAsync(Ct);
        var verifier = Visitor.NewVerifier();
        using var started = await PopupSignIn.StartAsync(visitor.Browser, app.BaseAddress, WidgetApp.Provider, verifier, Ct);
        using var challenged = await visitor.Browser.GetAsync(visitor.ChallengeUri(verifier), Ct);

        using var complete = await visitor.Browser.SendAsync(ByOtherName(HttpMethod.Get, challenged.Headers.Location!.OriginalString), Ct);
        var page = new HtmlParser().ParseDocument(await complete.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal(PublicOrigin, page.QuerySelector("[data-origin]")!.GetAttribute("data-origin"));
    }

    [Fact]
    public async Task Hub_FromAPageOnAnotherNameForThisServer_IsRefused()
    {
        using var client = app.CreateClient();
        using var request = ByOtherName(HttpMethod.Post, Widget.Web.Realtime.LiveHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "http://" + OtherName);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Start_OutsideDevelopmentWithoutPublicOrigin_FailsSayingWhatToSet()
    {
        await using var service = WidgetApp.With(new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Hosting:PublicOrigin"] = "",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await service.InitializeAsync());

        Assert.Contains("Set Hosting:PublicOrigin (Hosting__PublicOrigin)", Messages(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat.example.com")]
    [InlineData("https://chat.example.com/chat")]
    [InlineData("https://user:secret@chat.example.com")]
    [InlineData("ftp://chat.example.com")]
    public async Task Start_WithAPublicOriginThatIsNotAnOrigin_FailsSayingWhy(string origin)
    {
        await using var service = WidgetApp.With(new Dictionary<string, string> { ["Hosting:PublicOrigin"] = origin });

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await service.InitializeAsync());

        Assert.Contains("Hosting:PublicOrigin must be an http or https origin", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InDevelopmentWithoutPublicOrigin_BuildsOnTheAddressItListensOn()
    {
        await using var service = WidgetApp.With(new Dictionary<string, string> { ["Hosting:PublicOrigin"] = "" });
        await service.InitializeAsync();
        using var client = service.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/", Ct));

        var listening = "http://127.0.0.1:" + service.BaseAddress.Port.ToString(CultureInfo.InvariantCulture) + "/";
        Assert.Equal(listening, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    private static string Messages(Exception error) =>
        string.Join(" | ", Chain(error).Select(e => e.Message));

    private static IEnumerable<Exception> Chain(Exception error)
    {
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(error.InnerException is { } one ? [one] : []);
        foreach (var child in inner.SelectMany(Chain))
        {
            yield return child;
        }
    }

    private HttpRequestMessage ByOtherName(HttpMethod method, string path) =>
        new(method, path) { Headers = { Host = OtherName } };
}
