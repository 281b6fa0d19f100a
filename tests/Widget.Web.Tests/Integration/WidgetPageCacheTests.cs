using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// The widget page is rendered once and handed out until something it shows changes: a viewer never loads a
/// page older than a change already pushed live, and a CDN in front may keep it as long as it revalidates.
/// </summary>
public sealed class WidgetPageCacheTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_LoadedRightAfterEachChangeArrivesLive_ShowsThatChange()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        await using var viewer = await Users.ConnectNewAsync(app, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        using var client = app.CreateClient();
        Assert.DoesNotContain("first words", await PageAsync(client, tag), StringComparison.Ordinal);

        var posted = await anna.PostAsync(tag, "first words", Ct);
        await viewer.NextPostAsync(Ct);
        Assert.Contains("first words", await PageAsync(client, tag), StringComparison.Ordinal);

        await anna.EditAsync(posted.Post.Id, "second words", Ct);
        await viewer.NextEditAsync(Ct);
        Assert.Contains("second words", await PageAsync(client, tag), StringComparison.Ordinal);

        Assert.True((await ModerationDesk.RunAsync(app, m => m.SetSlowModeAsync(owner.User.Id, tag, 42, Ct))).Done);
        Assert.Matches("""<p class="slow-mode"[^>]*>[^<]*42""", await PageAsync(client, tag));

        Assert.True((await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, posted.Post.Id, Ct))).Done);
        await viewer.NextRemovalAsync(Ct);
        Assert.DoesNotContain("second words", await PageAsync(client, tag), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ChangedBehindTheServicesBack_IsServedAsRenderedUntilAChangeGoesThroughIt()
    {
        var tag = TestTags.New();
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        await anna.JoinAsync(tag, 0, Ct);
        var posted = await anna.PostAsync(tag, "as written", Ct);
        await anna.NextPostAsync(Ct);
        using var client = app.CreateClient();
        Assert.Contains("as written", await PageAsync(client, tag), StringComparison.Ordinal);

        // Changed straight in Postgres: nothing told the cache, so the page rendered before is what is served.
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var update = new NpgsqlCommand("UPDATE posts SET text = 'changed quietly' WHERE id = $1", connection)
            {
                Parameters = { new() { Value = posted.Post.Id } },
            };
            await update.ExecuteNonQueryAsync(Ct);
        }

        Assert.Contains("as written", await PageAsync(client, tag), StringComparison.Ordinal);

        await anna.PostAsync(tag, "posted through the service", Ct);
        await anna.NextPostAsync(Ct);
        var page = await PageAsync(client, tag);
        Assert.Contains("changed quietly", page, StringComparison.Ordinal);
        Assert.Contains("posted through the service", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CarriesAValidator_AndAnswersARevalidationWith304UntilItChanges()
    {
        var tag = TestTags.New();
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        using var client = app.CreateClient();
        using var first = await client.GetAsync($"/w/{tag}?embed=1", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl is { Public: true, NoCache: true });

        Assert.Equal(HttpStatusCode.NotModified, (await RevalidateAsync(client, tag, etag)).StatusCode);

        await anna.JoinAsync(tag, 0, Ct);
        await anna.PostAsync(tag, "something new", Ct);
        await anna.NextPostAsync(Ct);
        using var changed = await RevalidateAsync(client, tag, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("something new", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FramedByAHostTheSiteDoesNotAllow_IsRefusedEvenWhenAnAllowedHostsCopyIsCached()
    {
        var tag = TestTags.New();
        var owner = await Author.SignInAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.Id, new SiteSettings { AllowedDomains = ["good.example"] }, Ct);
        using var client = app.CreateClient();
        using var allowed = await FramedAsync(client, tag, "https://good.example/page");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        using var refused = await FramedAsync(client, tag, "https://bad.example/page");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("bad.example", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ServedFromTheCache_MayStillBeFramedAsTheSiteSays()
    {
        var tag = TestTags.New();
        using var client = app.CreateClient();
        using var rendered = await client.GetAsync($"/w/{tag}", Ct);
        using var cached = await client.GetAsync($"/w/{tag}", Ct);

        foreach (var response in new[] { rendered, cached })
        {
            Assert.False(response.Headers.Contains("X-Frame-Options"));
            Assert.EndsWith("frame-ancestors *", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }

    private static Task<string> PageAsync(HttpClient client, string tag) => client.GetStringAsync($"/w/{tag}?embed=1", Ct);

    private static Task<HttpResponseMessage> RevalidateAsync(HttpClient client, string tag, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/w/{tag}?embed=1");
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> FramedAsync(HttpClient client, string tag, string framer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/w/{tag}");
        request.Headers.Add("Sec-Fetch-Dest", "iframe");
        request.Headers.Referrer = new Uri(framer);
        return client.SendAsync(request, Ct);
    }
}
