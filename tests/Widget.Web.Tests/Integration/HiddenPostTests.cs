using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Posts;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// One rule for every public place: a post hidden from every tag it was shown in is gone, except from its
/// author's own export; a post still shown in one of its tags stays wherever the public reads posts.
/// </summary>
public sealed class HiddenPostTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HiddenPost_FromItsOnlyTag_IsGoneFromEveryPublicPlace()
    {
        var tag = TestTags.New();
        var marker = NewMarker();
        using var annasBrowser = new Visitor(app, Visitor.NewLogin());
        var token = await annasBrowser.SignInAsync(Ct);
        var anna = new Author(app, token.User.Id, token.User.Name);
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        await anna.PostAsync(tag, $"stays {marker}", Ct);
        var hidden = (await anna.PostAsync(tag, $"hidden {marker}", Ct)).Post;

        Assert.True((await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, hidden.Id, Ct))).Done);

        using var client = app.CreateClient();
        foreach (var path in Listings(tag, anna.Id, marker))
        {
            var body = await client.GetStringAsync(path, Ct);
            Assert.True(body.Contains($"stays {marker}", StringComparison.Ordinal), path);
            Assert.False(body.Contains($"hidden {marker}", StringComparison.Ordinal), path);
        }

        Assert.DoesNotContain($"hidden {marker}", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{hidden.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/posts/{hidden.Id}", Ct)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        Assert.Contains($"hidden {marker}", await client.GetStringAsync("/api/me/export", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiddenPost_InOneOfTwoTags_StaysInTheOther()
    {
        var (tag, other) = (TestTags.New(), TestTags.New());
        var marker = NewMarker();
        var anna = await Author.SignInAsync(app, Ct);
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        await anna.PostAsync(tag, $"stays {marker}", Ct);
        var hidden = (await anna.PostAsync(tag, $"hidden {marker} #{other}", Ct)).Post;

        Assert.True((await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, hidden.Id, Ct))).Done);

        using var client = app.CreateClient();
        foreach (var path in Listings(other, anna.Id, marker))
        {
            Assert.True((await client.GetStringAsync(path, Ct)).Contains($"hidden {marker}", StringComparison.Ordinal), path);
        }

        Assert.DoesNotContain($"hidden {marker}", await client.GetStringAsync($"/t/{tag}", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/p/{hidden.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/posts/{hidden.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Reply_ToAPostHiddenFromEveryTag_StaysButNamesNoParentAndTakesNoMoreReplies()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        await using var bob = await Users.ConnectNewAsync(app, Ct);
        var root = (await anna.PostAsync(tag, "words a moderator hides", Ct)).Post;
        var reply = (await bob.PostAsync(tag, "an answer that stays", Ct, replyTo: root.Id)).Post;

        Assert.True((await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, root.Id, Ct))).Done);

        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{root.Id}", Ct)).StatusCode);
        foreach (var path in new[] { $"/p/{reply.Id}", $"/t/{tag}", $"/w/{tag}" })
        {
            var html = await client.GetStringAsync(path, Ct);
            var page = new HtmlParser().ParseDocument(html);
            Assert.False(html.Contains("words a moderator hides", StringComparison.Ordinal), path);
            Assert.False(html.Contains($"/p/{root.Id}\"", StringComparison.Ordinal), path);
            Assert.NotNull(page.QuerySelector($".post[data-post-id=\"{reply.Id}\"] > .post-reply-gone"));
        }

        var viaApi = await client.GetFromJsonAsync<Post>($"/api/posts/{reply.Id}", Ct);
        Assert.Equal(new PostReply(root.Id, null), viaApi!.ReplyTo);
        var refused = await Assert.ThrowsAsync<HubException>(() => bob.PostAsync(tag, "one more", Ct, replyTo: reply.Id));
        Assert.Contains("cannot be replied to", refused.Message, StringComparison.Ordinal);
    }

    // Every public list of posts where a post of this tag and author appears, searched by the marker.
    private static string[] Listings(string tag, long authorId, string marker) =>
    [
        $"/t/{tag}", $"/t/{tag}/feed.atom", $"/w/{tag}", $"/api/tags/{tag}/posts", $"/u/{authorId}", $"/u/{authorId}/feed.atom",
        $"/search?q={marker}", $"/api/search?q={marker}",
    ];

    private static string NewMarker() => "m" + Guid.NewGuid().ToString("N")[..12];
}
