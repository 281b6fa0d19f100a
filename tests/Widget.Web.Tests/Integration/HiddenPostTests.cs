using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Web.Moderation;
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

    [Fact]
    public async Task Unhide_BringsItBackEverywhereAndLiveToItsViewers()
    {
        var tag = TestTags.New();
        var marker = NewMarker();
        var anna = await Author.SignInAsync(app, Ct);
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var stored = await anna.PostAsync(tag, $"hidden by mistake {marker}", Ct);
        var post = stored.Post;
        Assert.True((await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, post.Id, Ct))).Done);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        Assert.Empty((await viewer.JoinAsync(tag, 0, Ct)).Posts);

        var outcome = await ModerationDesk.RunAsync(app, m => m.UnhideAsync(owner.User.Id, tag, post.Id, Ct));

        Assert.True(outcome.Done, outcome.Message);
        var pushed = await viewer.NextPostAsync(Ct);
        Assert.Equal((tag, stored.Placements.Single().Seq, post.Id), (pushed.Tag, pushed.Seq, pushed.Post.Id));
        Assert.Contains($"data-post-id=\"{post.Id}\"", pushed.Html, StringComparison.Ordinal);
        using var client = app.CreateClient();
        foreach (var path in Listings(tag, anna.Id, marker))
        {
            Assert.True((await client.GetStringAsync(path, Ct)).Contains($"hidden by mistake {marker}", StringComparison.Ordinal), path);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/p/{post.Id}", Ct)).StatusCode);
        var log = await ModerationDesk.ReadAsync(app, s => s.LogOfAsync(tag, 10, Ct));
        Assert.Equal((ModerationAction.Unhide, post.Id, owner.User.Id), (log[0].Action, log[0].PostId, log[0].ModeratorId));
    }

    [Fact]
    public async Task Unhide_OfAPostNotHiddenThereOrByAStranger_ChangesNothing()
    {
        var tag = TestTags.New();
        var anna = await Author.SignInAsync(app, Ct);
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var stranger = await Users.NewAsync(app, Ct);
        var shown = (await anna.PostAsync(tag, "never hidden", Ct)).Post;
        var hidden = (await anna.PostAsync(tag, "hidden", Ct)).Post;
        var shadow = (await anna.PostAsync(tag, "under a shadow ban", Ct, shadow: true)).Post;
        await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, tag, hidden.Id, Ct));

        var byStranger = await ModerationDesk.RunAsync(app, m => m.UnhideAsync(stranger.User.Id, tag, hidden.Id, Ct));
        var notHidden = await ModerationDesk.RunAsync(app, m => m.UnhideAsync(owner.User.Id, tag, shown.Id, Ct));
        var shadowPost = await ModerationDesk.RunAsync(app, m => m.UnhideAsync(owner.User.Id, tag, shadow.Id, Ct));

        Assert.Equal(ModerationStatus.Forbidden, byStranger.Status);
        Assert.Equal((ModerationStatus.NotFound, ModerationStatus.NotFound), (notHidden.Status, shadowPost.Status));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{hidden.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{shadow.Id}", Ct)).StatusCode);
        var log = await ModerationDesk.ReadAsync(app, s => s.LogOfAsync(tag, 10, Ct));
        Assert.DoesNotContain(log, e => e.Action == ModerationAction.Unhide);
    }

    // Every public list of posts where a post of this tag and author appears, searched by the marker.
    private static string[] Listings(string tag, long authorId, string marker) =>
    [
        $"/t/{tag}", $"/t/{tag}/feed.atom", $"/w/{tag}", $"/api/tags/{tag}/posts", $"/u/{authorId}", $"/u/{authorId}/feed.atom",
        $"/search?q={marker}", $"/api/search?q={marker}",
    ];

    private static string NewMarker() => "m" + Guid.NewGuid().ToString("N")[..12];
}
