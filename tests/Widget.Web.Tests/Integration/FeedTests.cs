using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Widget.Data;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>Feeds read back with System.ServiceModel.Syndication's Atom 1.0 parser.</summary>
public sealed class FeedTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TagFeed_IsAtomWithAnEntryPerPostNewestFirst()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        var first = (await anna.PostAsync(tag, "first <b>line</b>\nsecond line #extra", Ct, At(10))).Post;
        var second = (await anna.PostAsync(tag, "newer \u202Epost", Ct, At(11))).Post;

        var (response, feed) = await GetFeedAsync($"/t/{tag}/feed.atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Url($"/t/{tag}"), feed.Id);
        Assert.Equal("#" + tag, feed.Title.Text);
        Assert.Equal(At(11), feed.LastUpdatedTime);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri == new Uri(Url($"/t/{tag}/feed.atom")));
        var entries = feed.Items.ToArray();
        Assert.Equal([Url($"/p/{second.Id}"), Url($"/p/{first.Id}")], entries.Select(e => e.Id));
        var entry = entries[1];
        Assert.Equal("first <b>line</b>", entry.Title.Text);
        Assert.Equal("first <b>line</b>\nsecond line #extra", Assert.IsType<TextSyndicationContent>(entry.Content).Text);
        Assert.Equal(At(10), entry.LastUpdatedTime);
        Assert.Equal(At(10), entry.PublishDate);
        Assert.Equal(new Uri(Url($"/p/{first.Id}")), entry.Links.Single(l => l.RelationshipType == "alternate").Uri);
        Assert.Equal(anna.Name, entry.Authors.Single().Name);
        Assert.Equal(Url($"/u/{anna.Id}"), entry.Authors.Single().Uri);
        Assert.Equal([tag, "extra"], entry.Categories.Select(c => c.Name));
        Assert.Equal("newer post", ((TextSyndicationContent)entries[0].Content).Text);
    }

    [Fact]
    public async Task UserFeed_HoldsTheirPostsFromEveryTag()
    {
        var anna = await Author.SignInAsync(app, Ct);
        var one = (await anna.PostAsync(TestTags.New(), "in one", Ct)).Post;
        var two = (await anna.PostAsync(TestTags.New(), "in another", Ct)).Post;

        var (_, feed) = await GetFeedAsync($"/u/{anna.Id}/feed.atom");

        Assert.Equal(anna.Name, feed.Title.Text);
        Assert.Equal([Url($"/p/{two.Id}"), Url($"/p/{one.Id}")], feed.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Feed_WhenUnchanged_Answers304()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        await anna.PostAsync(tag, "cache me", Ct);
        using var client = app.CreateClient();
        using var first = await client.GetAsync($"/t/{tag}/feed.atom", Ct);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, $"/t/{tag}/feed.atom") { Headers = { IfNoneMatch = { etag } } };
        using var byDate = new HttpRequestMessage(HttpMethod.Get, $"/t/{tag}/feed.atom") { Headers = { IfModifiedSince = lastModified } };
        using var notModifiedByEtag = await client.SendAsync(byEtag, Ct);
        using var notModifiedByDate = await client.SendAsync(byDate, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModifiedByEtag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);
        Assert.Equal(etag, notModifiedByEtag.Headers.ETag);
        Assert.Empty(await notModifiedByEtag.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Feed_WhenAPostIsAddedOrDeleted_ChangesItsETag()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        await anna.PostAsync(tag, "old", Ct, At(1));
        using var client = app.CreateClient();
        var before = (await client.GetAsync($"/t/{tag}/feed.atom", Ct)).Headers.ETag!;

        var added = (await anna.PostAsync(tag, "new", Ct, At(2))).Post;
        using var afterAdd = await SendIfNoneMatchAsync(client, $"/t/{tag}/feed.atom", before);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WidgetDbContext>().Posts.Where(p => p.Id == added.Id).ExecuteDeleteAsync(Ct);
        }

        using var afterDelete = await SendIfNoneMatchAsync(client, $"/t/{tag}/feed.atom", afterAdd.Headers.ETag!);
        var feed = SyndicationFeed.Load(XmlReader.Create(await afterDelete.Content.ReadAsStreamAsync(Ct)));

        Assert.Equal(HttpStatusCode.OK, afterAdd.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterDelete.StatusCode);
        Assert.Equal(["old"], feed.Items.Select(i => ((TextSyndicationContent)i.Content).Text));
    }

    [Theory]
    [InlineData("/t/nosuchtagever1/feed.atom")]
    [InlineData("/t/bad-tag/feed.atom")]
    [InlineData("/u/999999999/feed.atom")]
    public async Task Feed_ForSomethingUnknown_Is404(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static DateTimeOffset At(int minute) => new(2026, 11, 24, 9, minute, 0, TimeSpan.Zero);

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    private static async Task<HttpResponseMessage> SendIfNoneMatchAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { etag } } };
        return await client.SendAsync(request, Ct);
    }

    private async Task<(HttpResponseMessage Response, SyndicationFeed Feed)> GetFeedAsync(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(Ct));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "Not an Atom 1.0 feed.");
        formatter.ReadFrom(reader);
        return (response, formatter.Feed);
    }
}
