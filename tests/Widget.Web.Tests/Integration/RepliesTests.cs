using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class RepliesTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reply_IsStoredShownOnTheParentsPermalinkAndThreadedInTheWidget()
    {
        var tag = TestTags.New();
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        await using var bob = await Users.ConnectNewAsync(app, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        var parent = (await anna.PostAsync(tag, "who is in?", Ct)).Post;
        await viewer.NextPostAsync(Ct);

        var reply = (await bob.PostAsync(tag, "me <b>too</b>", Ct, replyTo: parent.Id)).Post;
        var pushed = await viewer.NextPostAsync(Ct);

        Assert.Equal(parent.Id, reply.ReplyTo?.PostId);
        Assert.Equal(parent.AuthorName, reply.ReplyTo?.AuthorName);
        Assert.Equal(2, pushed.Seq);
        Assert.Contains($"data-reply-to=\"{parent.Id}\"", pushed.Html, StringComparison.Ordinal);
        using var client = app.CreateClient();
        var permalink = Parse(await client.GetStringAsync($"/p/{parent.Id}", Ct));
        Assert.Equal("me <b>too</b>", permalink.QuerySelector($".post[data-post-id=\"{parent.Id}\"] > .post-replies > .post[data-post-id=\"{reply.Id}\"] .post-text")?.TextContent);
        var replyPage = Parse(await client.GetStringAsync($"/p/{reply.Id}", Ct));
        Assert.Equal($"/p/{parent.Id}", replyPage.QuerySelector(".post-reply-to")?.GetAttribute("href"));
        var widget = Parse(await client.GetStringAsync($"/w/{tag}", Ct));
        var nested = widget.QuerySelector($".posts > .post[data-post-id=\"{parent.Id}\"] > .post-replies > .post[data-post-id=\"{reply.Id}\"]");
        Assert.NotNull(nested);
        Assert.Equal("2", nested.GetAttribute("data-seq"));
    }

    [Fact]
    public async Task Reply_ToAReply_AttachesToTheThreadsRoot()
    {
        var tag = TestTags.New();
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        var root = (await anna.PostAsync(tag, "root", Ct)).Post;
        var first = (await anna.PostAsync(tag, "first reply", Ct, replyTo: root.Id)).Post;

        var second = (await anna.PostAsync(tag, "reply to the reply", Ct, replyTo: first.Id)).Post;

        Assert.Equal(root.Id, second.ReplyTo?.PostId);
        using var client = app.CreateClient();
        var permalink = Parse(await client.GetStringAsync($"/p/{root.Id}", Ct));
        var replies = permalink.QuerySelectorAll(".post-replies > .post").Select(p => long.Parse(p.GetAttribute("data-post-id")!, CultureInfo.InvariantCulture));
        Assert.Equal([first.Id, second.Id], replies);
        Assert.Empty(permalink.QuerySelectorAll(".post-replies .post-replies"));
    }

    [Fact]
    public async Task Reply_ToADeletedOrMissingPost_IsRefusedAndNothingIsStored()
    {
        var tag = TestTags.New();
        var token = await Users.NewAsync(app, Ct);
        await using var anna = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct);
        var gone = (await anna.PostAsync(tag, "soon deleted", Ct)).Post;
        await anna.DeletePostAsync(gone.Id, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => anna.PostAsync(tag, "answer", Ct, replyTo: gone.Id));
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var missing = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "answer", long.MaxValue), Ct);

        Assert.Contains($"Post {gone.Id} cannot be replied to in #{tag}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("cannot be replied to", (await missing.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail, StringComparison.Ordinal);
        Assert.Empty((await anna.JoinAsync(tag, 0, Ct)).Posts);
    }

    [Fact]
    public async Task Reply_WhenItsRootIsDeleted_StaysAndNamesNobody()
    {
        var tag = TestTags.New();
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        await using var bob = await Users.ConnectNewAsync(app, Ct);
        var root = (await anna.PostAsync(tag, "secret words", Ct)).Post;
        var reply = (await bob.PostAsync(tag, "an answer", Ct, replyTo: root.Id)).Post;

        await anna.DeletePostAsync(root.Id, Ct);

        using var client = app.CreateClient();
        var html = await client.GetStringAsync($"/w/{tag}", Ct);
        var widget = Parse(html);
        Assert.DoesNotContain("secret words", html, StringComparison.Ordinal);
        Assert.NotNull(widget.QuerySelector($".posts > .post[data-post-id=\"{reply.Id}\"] > .post-reply-gone"));
        var replyPage = await client.GetStringAsync($"/p/{reply.Id}", Ct);
        Assert.DoesNotContain("secret words", replyPage, StringComparison.Ordinal);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
