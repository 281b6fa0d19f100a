using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Microblog;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class PublicPagesTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_ShowsNewestPostsAndTheTagsActiveToday()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        var post = (await anna.PostAsync(tag, "front page news", Ct)).Post;
        await anna.PostAsync(tag, "again", Ct);

        var (response, page) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"article[data-post-id=\"{post.Id}\"]"));
        var active = page.QuerySelector($".home-tags a[href=\"/t/{tag}\"]");
        Assert.NotNull(active);
        Assert.Equal("2", active.ParentElement!.QuerySelector(".count")!.TextContent);
        AssertHead(page, "Newest posts", new Uri(app.BaseAddress, "/"));
    }

    [Fact]
    public async Task Tag_ShowsItsPostsLiveWithTitleCanonicalAndFeed()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        var post = (await anna.PostAsync(tag, "hello #" + tag, Ct)).Post;

        var (response, page) = await GetAsync($"/t/{tag.ToUpperInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"article[data-post-id=\"{post.Id}\"][data-seq=\"1\"]"));
        Assert.Equal(tag, page.QuerySelector(".timeline")!.GetAttribute("data-tag"));
        Assert.Equal("1", page.QuerySelector(".timeline")!.GetAttribute("data-last-seq"));
        Assert.NotNull(page.QuerySelector("script[type=module][src=\"/js/timeline.js\"]"));
        AssertHead(page, "#" + tag, new Uri(app.BaseAddress, $"/t/{tag}"));
        Assert.Equal(new Uri(app.BaseAddress, $"/t/{tag}/feed.atom").ToString(),
            page.QuerySelector("link[rel=alternate][type=\"application/atom+xml\"]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Tag_PagesOlderPostsBySeqAndOnlyTheNewestPageGoesLive()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        for (var i = 1; i <= PublicPagesEndpoints.PageSize + 2; i++)
        {
            await anna.PostAsync(tag, "post number " + i, Ct);
        }

        var (_, newest) = await GetAsync($"/t/{tag}");
        var older = newest.QuerySelector("a.older")!.GetAttribute("href")!;
        var (_, second) = await GetAsync(older);

        Assert.Equal($"/t/{tag}?before=3", older);
        Assert.Equal(PublicPagesEndpoints.PageSize, newest.QuerySelectorAll("article.post").Length);
        Assert.Equal(["1", "2"], second.QuerySelectorAll("article.post").Select(a => a.GetAttribute("data-seq")!));
        Assert.Null(second.QuerySelector("a.older"));
        Assert.Null(second.QuerySelector("script[src=\"/js/timeline.js\"]"));
    }

    [Theory]
    [InlineData("/t/nosuchtagever0")]
    [InlineData("/t/no-dashes")]
    [InlineData("/u/999999999")]
    [InlineData("/u/nobodyhasthisname0")]
    [InlineData("/p/999999999")]
    public async Task Page_ForSomethingUnknown_Is404(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Profile_ShowsNameJoinDateAndPostsPagedById()
    {
        var anna = await Author.SignInAsync(app, Ct);
        var tag = TestTags.New();
        var ids = new List<long>();
        for (var i = 1; i <= PublicPagesEndpoints.PageSize + 1; i++)
        {
            ids.Add((await anna.PostAsync(tag, "mine " + i, Ct)).Post.Id);
        }

        var (response, page) = await GetAsync($"/u/{anna.Id}");
        var (_, older) = await GetAsync(page.QuerySelector("a.older")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(anna.Name, page.QuerySelector(".profile h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".profile-joined time[datetime]"));
        Assert.Equal(ids[^1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("article.post")!.GetAttribute("data-post-id"));
        Assert.Equal([ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)],
            older.QuerySelectorAll("article.post").Select(a => a.GetAttribute("data-post-id")!));
        AssertHead(page, anna.Name, new Uri(app.BaseAddress, $"/u/{anna.Id}"));
        Assert.Equal("profile", page.QuerySelector("meta[property=\"og:type\"]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Post_ShowsThePostAndLinksToItsChannelAndAuthor()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        var post = (await anna.PostAsync(tag, "a permalink\nwith two lines", Ct)).Post;

        var (response, page) = await GetAsync($"/p/{post.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a permalink\nwith two lines", page.QuerySelector(".post-text")!.TextContent);
        Assert.NotNull(page.QuerySelector($".permalink-channel a[href=\"/t/{tag}\"]"));
        Assert.NotNull(page.QuerySelector($".permalink-channel a[href=\"/u/{anna.Id}\"]"));
        Assert.Equal("a permalink with two lines", page.QuerySelector("meta[property=\"og:description\"]")!.GetAttribute("content"));
        AssertHead(page, $"{anna.Name} in #{tag}", new Uri(app.BaseAddress, $"/p/{post.Id}"));
    }

    [Fact]
    public async Task Mention_WhenOneUserHasTheName_RedirectsToTheirProfile()
    {
        var anna = await Author.SignInAsync(app, Ct);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"/u/{anna.Name.ToUpperInvariant()}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/u/{anna.Id}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Pages_CarryNoInlineScriptOrStyleAndRefuseFraming()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        var post = (await anna.PostAsync(tag, "<style>body{}</style> https://x.org", Ct)).Post;

        foreach (var path in new[] { "/", $"/t/{tag}", $"/u/{anna.Id}", $"/p/{post.Id}" })
        {
            var (response, page) = await GetAsync(path);

            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), path));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Favicon_AskedForByEveryBrowser_IsAnIcon()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/favicon.ico", Ct);
        var icon = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 0, 1, 0], icon[..4]); // the ICO header: reserved, then type 1 (icon)
    }

    [Fact]
    public async Task DeletedHiddenAndShadowPosts_LeaveExactlyThePagesAndFeedsTheyMust()
    {
        var (tag, other) = (TestTags.New(), TestTags.New());
        var marker = "m" + Guid.NewGuid().ToString("N")[..12];
        var anna = await Author.SignInAsync(app, Ct);
        var owner = await Author.SignInAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.Id, new SiteSettings(), Ct);
        var stays = (await anna.PostAsync(tag, $"stays {marker}", Ct)).Post;
        var deleted = (await anna.PostAsync(tag, $"to be deleted {marker}", Ct)).Post;
        var hidden = (await anna.PostAsync(tag, $"hidden here only {marker} #{other}", Ct)).Post;
        var shadow = (await anna.PostAsync(tag, $"under a shadow ban {marker}", Ct, shadow: true)).Post;

        Assert.True((await ModerationDesk.RunAsync(app, m => m.DeleteAsync(anna.Id, deleted.Id, Ct))).Done);
        Assert.True((await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.Id, tag, hidden.Id, Ct))).Done);

        foreach (var gone in new[] { deleted.Id, shadow.Id })
        {
            using var client = app.CreateClient();
            using var permalink = await client.GetAsync($"/p/{gone}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, permalink.StatusCode);
        }

        // Hidden in its channel only: its other tag, the author's page, the front page and search keep it.
        var showsHidden = new Dictionary<string, bool>
        {
            ["/"] = true, [$"/t/{tag}"] = false, [$"/w/{tag}"] = false, [$"/t/{other}"] = true,
            [$"/u/{anna.Id}"] = true, [$"/search?q={marker}"] = true,
        };
        foreach (var (path, expected) in showsHidden)
        {
            var shown = await PostIdsAsync(path);
            Assert.True(shown.Contains(stays.Id) || path == $"/t/{other}", path);
            Assert.DoesNotContain(deleted.Id, shown);
            Assert.DoesNotContain(shadow.Id, shown);
            Assert.True(expected == shown.Contains(hidden.Id), path);
        }

        using var feeds = app.CreateClient();
        var tagFeed = await feeds.GetStringAsync($"/t/{tag}/feed.atom", Ct);
        var userFeed = await feeds.GetStringAsync($"/u/{anna.Id}/feed.atom", Ct);
        Assert.Contains("stays " + marker, tagFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden here only", tagFeed, StringComparison.Ordinal);
        Assert.Contains("hidden here only", userFeed, StringComparison.Ordinal);
        foreach (var feed in new[] { tagFeed, userFeed })
        {
            Assert.DoesNotContain("to be deleted", feed, StringComparison.Ordinal);
            Assert.DoesNotContain("under a shadow ban", feed, StringComparison.Ordinal);
        }
    }

    private async Task<HashSet<long>> PostIdsAsync(string path)
    {
        var (response, page) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelectorAll("article[data-post-id]")
            .Select(a => long.Parse(a.GetAttribute("data-post-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path, Ct);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        return (response, page);
    }

    private static void AssertHead(IHtmlDocument page, string title, Uri canonical)
    {
        Assert.Equal($"{title} · {PageMeta.SiteName}", page.Title);
        Assert.Equal(canonical.ToString(), page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(canonical.ToString(), page.QuerySelector("meta[property=\"og:url\"]")!.GetAttribute("content"));
        Assert.Equal(title, page.QuerySelector("meta[property=\"og:title\"]")!.GetAttribute("content"));
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("meta[property=\"og:description\"]")!.GetAttribute("content")));
    }
}
