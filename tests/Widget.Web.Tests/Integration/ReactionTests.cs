using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Reactions;
using Widget.Core.Sites;
using Widget.Data.Reactions;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class ReactionTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task React_TwiceByOneUser_CountsOnceAndTwoUsersCountTwo()
    {
        var tag = TestTags.New();
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        await using var bob = await Users.ConnectNewAsync(app, Ct);
        var post = (await anna.PostAsync(tag, "react to me", Ct)).Post;

        await anna.ReactAsync(post.Id, "👍", on: true, Ct);
        var twice = await anna.ReactAsync(post.Id, "👍", on: true, Ct);
        var both = await bob.ReactAsync(post.Id, "👍", on: true, Ct);
        var heart = await bob.ReactAsync(post.Id, "❤️", on: true, Ct);

        Assert.Equal([new ReactionCount("👍", 1)], twice);
        Assert.Equal([new ReactionCount("👍", 2)], both);
        Assert.Equal([new ReactionCount("👍", 2), new ReactionCount("❤️", 1)], heart);
        using var client = app.CreateClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/p/{post.Id}", Ct));
        Assert.Equal(["👍 2", "❤️ 1"], page.QuerySelectorAll(".post-reactions > .reaction").Select(r => r.TextContent));
        var widget = new HtmlParser().ParseDocument(await client.GetStringAsync($"/w/{tag}", Ct));
        Assert.Equal("2", widget.QuerySelector(".reaction[data-emoji=\"👍\"] .reaction-count")?.TextContent);
    }

    [Fact]
    public async Task React_AddAndRemove_PushesTheCountsLiveAndRemovingTwiceChangesNothing()
    {
        var tag = TestTags.New();
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        var post = (await anna.PostAsync(tag, "live counts", Ct)).Post;

        await anna.ReactAsync(post.Id, "🎉", on: true, Ct);
        var added = await viewer.NextReactionsAsync(Ct);
        await anna.ReactAsync(post.Id, "🎉", on: false, Ct);
        var removed = await viewer.NextReactionsAsync(Ct);
        var again = await anna.ReactAsync(post.Id, "🎉", on: false, Ct);

        Assert.Equal((tag, post.Id), (added.Tag, added.PostId));
        Assert.Equal([new ReactionCount("🎉", 1)], added.Counts);
        var chip = Assert.Single(new HtmlParser().ParseDocument(added.Html).QuerySelectorAll(".post-reactions > .reaction"));
        Assert.Equal(("🎉", "🎉 1"), (chip.GetAttribute("data-emoji"), chip.TextContent));
        Assert.Empty(removed.Counts);
        Assert.Equal("", removed.Html.Trim());
        Assert.Empty(again);
    }

    [Fact]
    public async Task React_WithAnUnknownEmojiOrSignedOut_IsRefused()
    {
        var tag = TestTags.New();
        var token = await Users.NewAsync(app, Ct);
        await using var anna = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct);
        await using var anonymous = await LiveViewer.ConnectAsync(app, token: null, Ct);
        var post = (await anna.PostAsync(tag, "hi", Ct)).Post;

        var unknown = await Assert.ThrowsAsync<HubException>(() => anna.ReactAsync(post.Id, "<b>", on: true, Ct));
        var signedOut = await Assert.ThrowsAsync<HubException>(() => anonymous.ReactAsync(post.Id, "👍", on: true, Ct));
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var response = await api.PutAsync($"/api/posts/{post.Id}/reactions/{Uri.EscapeDataString("💩")}", null, Ct);

        Assert.Contains("Only these reactions can be used", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Sign in to react", signedOut.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Only these reactions", (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyReactions_AfterAReconnect_AreTheCallersOwnOnly()
    {
        var tag = TestTags.New();
        var token = await Users.NewAsync(app, Ct);
        await using var bob = await Users.ConnectNewAsync(app, Ct);
        long first, second;
        await using (var anna = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct))
        {
            first = (await anna.PostAsync(tag, "one", Ct)).Post.Id;
            second = (await anna.PostAsync(tag, "two", Ct)).Post.Id;
            await anna.ReactAsync(second, "😂", on: true, Ct);
        }

        await bob.ReactAsync(first, "😮", on: true, Ct);
        await using var reloaded = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct);

        Assert.Equal([new OwnReaction(second, "😂")], await reloaded.MyReactionsAsync([first, second], Ct));
    }

    [Fact]
    public async Task React_WhenBannedFromTheChannel_IsRefused()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), Ct);
        await using var anna = await Users.ConnectNewAsync(app, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var trollConnection = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        var post = (await anna.PostAsync(tag, "be nice", Ct)).Post;
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "insults", shadow: false, Ct));

        var refused = await Assert.ThrowsAsync<HubException>(() => trollConnection.ReactAsync(post.Id, "😢", on: true, Ct));

        Assert.Contains($"banned from #{tag}", refused.Message, StringComparison.Ordinal);
    }
}
