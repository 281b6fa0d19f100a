using System.Net;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Integration;

/// <summary>The widget framed on a page whose host the site has not allowed says so, and shows nothing else.</summary>
public sealed class RefusedEmbedTests(WidgetApp app)
{
    private const string Post = "a post only listed sites show";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Widget_FramedByAHostNotAllowed_SaysSoInTheSitesLanguage_WithNoPosts()
    {
        var tag = await ClaimAsync(WidgetLanguage.Ru);

        using var response = await FramedAsync(tag, "https://other.example/article?id=1");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(WidgetLabels.Russian.NotEnabled, html, StringComparison.Ordinal);
        Assert.Contains("<code>other.example</code>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Post, html, StringComparison.Ordinal);
        Assert.DoesNotContain("widget.js", html, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors *", Csp(response), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Widget_FramedByAnAllowedHost_OrWithNoReferer_IsTheChatGuardedByItsPolicy()
    {
        var tag = await ClaimAsync(WidgetLanguage.En);

        using var allowed = await FramedAsync(tag, "https://www.listed.example/page");
        using var unknown = await FramedAsync(tag, null);

        foreach (var response in new[] { allowed, unknown })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Post, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.EndsWith("frame-ancestors 'self' listed.example:* www.listed.example:*", Csp(response), StringComparison.Ordinal);
        }
    }

    private async Task<string> ClaimAsync(WidgetLanguage language)
    {
        var tag = TestTags.New();
        var owner = await Author.SignInAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.Id,
            new SiteSettings { Language = language, AllowedDomains = ["listed.example", "www.listed.example"] }, Ct);
        await owner.PostAsync(tag, Post, Ct);
        return tag;
    }

    private async Task<HttpResponseMessage> FramedAsync(string tag, string? referer)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/w/{tag}?embed=1");
        request.Headers.Add("Sec-Fetch-Dest", "iframe");
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return await client.SendAsync(request, Ct);
    }

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();
}
