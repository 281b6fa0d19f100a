using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Moderation;
using Widget.Web.Auth;
using Widget.Web.Moderation;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class ModerationTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hide_InOneTag_RemovesThePostThereLiveAndLeavesItInItsOtherTags()
    {
        var (site, other) = (TestTags.New(), TestTags.New());
        var owner = await Users.OwnerOfAsync(app, site, Ct);
        var author = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await using var siteViewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await using var otherViewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await siteViewer.JoinAsync(site, 0, Ct);
        await otherViewer.JoinAsync(other, 0, Ct);
        var post = (await writer.PostAsync(site, $"spam and #{other}", Ct)).Post;

        var outcome = await ModerationDesk.RunAsync(app, m => m.HideAsync(owner.User.Id, site, post.Id, Ct));

        Assert.True(outcome.Done, outcome.Message);
        var removed = await siteViewer.NextRemovalAsync(Ct);
        Assert.Equal((site, post.Id), (removed.Tag, removed.PostId));
        Assert.True(await otherViewer.SeesNoRemovalAsync(TimeSpan.FromMilliseconds(300), Ct));
        Assert.Empty((await siteViewer.JoinAsync(site, 0, Ct)).Posts);
        Assert.Single((await otherViewer.JoinAsync(other, 0, Ct)).Posts);
    }

    [Fact]
    public async Task Delete_ByAModerator_RemovesThePostFromEveryTagLive()
    {
        var (site, other) = (TestTags.New(), TestTags.New());
        var owner = await Users.OwnerOfAsync(app, site, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var otherViewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await otherViewer.JoinAsync(other, 0, Ct);
        var post = (await writer.PostAsync(site, $"bad #{other}", Ct)).Post;

        var outcome = await ModerationDesk.RunAsync(app, m => m.DeleteAsync(owner.User.Id, post.Id, Ct));

        Assert.True(outcome.Done, outcome.Message);
        var removed = await otherViewer.NextRemovalAsync(Ct);
        Assert.Equal((other, post.Id), (removed.Tag, removed.PostId));
        Assert.Empty((await otherViewer.JoinAsync(site, 0, Ct)).Posts);
        Assert.Empty((await otherViewer.JoinAsync(other, 0, Ct)).Posts);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/posts/{post.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Delete_ByItsAuthorOverTheApi_RemovesItButAnotherUsersDeleteIsRefused()
    {
        var tag = TestTags.New();
        var author = await Users.NewAsync(app, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        using var authorClient = ApiClient(author);
        using var strangerClient = ApiClient(await Users.NewAsync(app, Ct));
        using var created = await authorClient.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "oops"), Ct);
        var postId = (await created.Content.ReadFromJsonAsync<Core.Posts.Post>(Ct))!.Id;

        using var refused = await strangerClient.DeleteAsync($"/api/posts/{postId}", Ct);
        using var deleted = await authorClient.DeleteAsync($"/api/posts/{postId}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("owner and moderators", (await refused.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(postId, (await viewer.NextRemovalAsync(Ct)).PostId);
    }

    [Fact]
    public async Task Delete_ByItsAuthorOverTheHub_RemovesItForOtherViewers()
    {
        var tag = TestTags.New();
        await using var writer = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        var post = (await writer.PostAsync(tag, "never mind", Ct)).Post;

        await writer.DeletePostAsync(post.Id, Ct);

        Assert.Equal(post.Id, (await viewer.NextRemovalAsync(Ct)).PostId);
        Assert.Empty((await viewer.JoinAsync(tag, 0, Ct)).Posts);
    }

    [Fact]
    public async Task Ban_OnOneConnection_StopsTheUsersOtherConnectionsPostingAndTheApi()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var phone = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await using var laptop = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await phone.PostAsync(tag, "first", Ct);
        var until = DateTimeOffset.UtcNow.AddHours(2);

        var outcome = await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, until, "insults", shadow: false, Ct));

        Assert.True(outcome.Done, outcome.Message);
        foreach (var connection in new[] { phone, laptop })
        {
            var banned = await connection.NextBanAsync(Ct);
            Assert.Equal((tag, "insults"), (banned.Tag, banned.Reason));
            Assert.Contains("until", banned.Message, StringComparison.Ordinal);
        }

        var hubError = await Assert.ThrowsAsync<HubException>(() => laptop.PostAsync(tag, "again", Ct));
        Assert.Contains($"banned from #{tag} until", hubError.Message, StringComparison.Ordinal);
        Assert.Contains("insults", hubError.Message, StringComparison.Ordinal);
        using var api = ApiClient(troll);
        using var response = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "via api"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Contains("insults", problem!.Detail, StringComparison.Ordinal);
        Assert.True(problem.Extensions.ContainsKey("retryAfter"));
    }

    [Fact]
    public async Task Ban_ForGood_ReachesPostsTaggingTheChannelAndLiftingItLetsTheUserPostAgain()
    {
        var (tag, elsewhere) = (TestTags.New(), TestTags.New());
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var connection = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "", shadow: false, Ct));

        var viaHashtag = await Assert.ThrowsAsync<HubException>(() => connection.PostAsync(elsewhere, $"sneaking into #{tag}", Ct));
        var lifted = await ModerationDesk.RunAsync(app, m => m.LiftBanAsync(owner.User.Id, tag, troll.User.Id, Ct));

        Assert.Contains($"banned from #{tag} for good", viaHashtag.Message, StringComparison.Ordinal);
        Assert.True(lifted.Done, lifted.Message);
        Assert.True((await connection.PostAsync(tag, "sorry", Ct)).Created);
    }

    [Fact]
    public async Task ShadowBan_ShowsTheUsersPostsToThemAloneAndTellsThemNothing()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var trollConnection = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await trollConnection.JoinAsync(tag, 0, Ct);
        await viewer.JoinAsync(tag, 0, Ct);

        var banned = await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "spam", shadow: true, Ct));
        var accepted = await trollConnection.PostAsync(tag, "buy now", Ct);
        var ownCopy = await trollConnection.NextPostAsync(Ct);

        Assert.True(banned.Done, banned.Message);
        Assert.True(accepted.Created);
        Assert.Equal(accepted.Post.Id, ownCopy.Post.Id);
        Assert.True(await viewer.StaysQuietAsync(TimeSpan.FromMilliseconds(300), Ct));
        Assert.Empty((await viewer.JoinAsync(tag, 0, Ct)).Posts);
        using var client = app.CreateClient();
        Assert.DoesNotContain("buy now", await client.GetStringAsync($"/w/{tag}", Ct), StringComparison.Ordinal);
        Assert.False(trollConnection.WasToldOfABan);
    }

    [Fact]
    public async Task Moderation_ByANonModerator_IsRefusedAndChangesNothing()
    {
        var tag = TestTags.New();
        await Users.OwnerOfAsync(app, tag, Ct);
        var author = await Users.NewAsync(app, Ct);
        var stranger = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await using var strangerConnection = await LiveViewer.ConnectAsync(app, stranger.AccessToken, Ct);
        var post = (await writer.PostAsync(tag, "mine", Ct)).Post;

        var hide = await ModerationDesk.RunAsync(app, m => m.HideAsync(stranger.User.Id, tag, post.Id, Ct));
        var ban = await ModerationDesk.RunAsync(app, m => m.BanAsync(stranger.User.Id, tag, author.User.Id, null, "", shadow: false, Ct));
        var appoint = await ModerationDesk.RunAsync(app, m => m.AppointAsync(stranger.User.Id, tag, UserIds.Of(stranger.User.Id), Ct));
        var delete = await Assert.ThrowsAsync<HubException>(() => strangerConnection.DeletePostAsync(post.Id, Ct));

        Assert.Contains("Only the owner and moderators", hide.Message, StringComparison.Ordinal);
        Assert.Contains("Only the owner and moderators", ban.Message, StringComparison.Ordinal);
        Assert.Contains("Only the owner", appoint.Message, StringComparison.Ordinal);
        Assert.Contains("Only the owner and moderators", delete.Message, StringComparison.Ordinal);
        Assert.True((await writer.PostAsync(tag, "still here", Ct)).Created);
        Assert.Equal(2, (await writer.JoinAsync(tag, 0, Ct)).Posts.Count);
    }

    [Fact]
    public async Task Appoint_ByNameOfSomeoneWhoPosted_LetsThemModerateAndEveryActionIsLogged()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        using var helperVisitor = new Visitor(app, Visitor.NewLogin());
        var helper = await helperVisitor.SignInAsync(Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var helperConnection = await LiveViewer.ConnectAsync(app, helper.AccessToken, Ct);
        await using var trollConnection = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await helperConnection.PostAsync(tag, "hi, I can help", Ct);
        var bad = (await trollConnection.PostAsync(tag, "rude", Ct)).Post;

        var appointed = await ModerationDesk.RunAsync(app, m => m.AppointAsync(owner.User.Id, tag, helper.User.Name, Ct));
        var hidden = await ModerationDesk.RunAsync(app, m => m.HideAsync(helper.User.Id, tag, bad.Id, Ct));
        await ModerationDesk.RunAsync(app, m => m.BanAsync(helper.User.Id, tag, troll.User.Id, null, "rudeness", shadow: false, Ct));
        await ModerationDesk.RunAsync(app, m => m.LiftBanAsync(helper.User.Id, tag, troll.User.Id, Ct));
        var log = await ModerationDesk.ReadAsync(app, s => s.LogOfAsync(tag, 10, Ct));

        Assert.True(appointed.Done, appointed.Message);
        Assert.True(hidden.Done, hidden.Message);
        Assert.Equal(
            [ModerationAction.LiftBan, ModerationAction.Ban, ModerationAction.Hide, ModerationAction.AppointModerator],
            log.Select(e => e.Action));
        Assert.Equal(bad.Id, log[2].PostId);
        Assert.Contains("rudeness", log[1].Detail, StringComparison.Ordinal);
        Assert.All(log.Take(3), e => Assert.Equal(helper.User.Id, e.ModeratorId));
        Assert.Equal(owner.User.Id, log[3].ModeratorId);
    }

    private HttpClient ApiClient(IssuedToken token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
