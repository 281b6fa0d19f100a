using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Widget.Core.Moderation;
using Widget.Web.Auth;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class PremoderationTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPost_HeldPostReachesItsAuthorAloneUntilApprovedThenEveryoneWithTheNextSeq()
    {
        var tag = TestTags.New();
        var owner = await OwnerOfAsync(tag, PremoderationMode.EveryPost);
        var author = await Users.NewAsync(app, Ct);
        await using var ownerConnection = await LiveViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var authorConnection = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await authorConnection.JoinAsync(tag, 0, Ct);
        await viewer.JoinAsync(tag, 0, Ct);
        var welcome = await ownerConnection.PostAsync(tag, "welcome", Ct);
        Assert.False(welcome.Held);
        Assert.Equal(1, (await viewer.NextPostAsync(Ct)).Seq);
        Assert.Equal(1, (await authorConnection.NextPostAsync(Ct)).Seq);
        var word = "held" + Guid.NewGuid().ToString("N")[..10];
        var clientId = Guid.NewGuid();

        var answer = await authorConnection.PostAsync(tag, $"hello {word}", Ct, clientId);
        var pending = await authorConnection.NextHeldAsync(Ct);
        var retry = await authorConnection.PostAsync(tag, $"hello {word}", Ct, clientId);

        Assert.True(answer.Held);
        Assert.True(answer.Created);
        Assert.Contains("waits for a moderator", answer.Message, StringComparison.Ordinal);
        Assert.Equal((tag, answer.Post.Id), (pending.Tag, pending.Post.Id));
        Assert.Contains(word, pending.Html, StringComparison.Ordinal);
        Assert.Equal((answer.Post.Id, true, false), (retry.Post.Id, retry.Held, retry.Created));
        Assert.True(await viewer.StaysQuietAsync(TimeSpan.FromMilliseconds(300), Ct));
        Assert.Single((await viewer.JoinAsync(tag, 0, Ct)).Posts);
        await AssertNowhereInPublicAsync(tag, word, answer.Post.Id, author.User.Id);
        await using var authorAfterReload = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await authorAfterReload.JoinAsync(tag, 0, Ct);
        var mine = await authorAfterReload.MineAsync(tag, 0, Ct);
        var own = Assert.Single(mine.Posts);
        Assert.Equal((answer.Post.Id, true, (long?)null), (own.Post.Id, own.Held, own.Seq));
        Assert.Empty((await viewer.MineAsync(tag, 0, Ct)).Posts);
        Assert.Equal(answer.Post.Id, Assert.Single(await ModerationDesk.ReadQueueAsync(app, tag, Ct)).Post.Id);

        var approved = await ModerationDesk.PremoderateAsync(app, p => p.ApproveAsync(owner.User.Id, tag, answer.Post.Id, Ct));

        Assert.True(approved.Done, approved.Message);
        var live = await viewer.NextPostAsync(Ct);
        Assert.Equal((2L, answer.Post.Id), (live.Seq, live.Post.Id));
        Assert.Equal(2, (await authorConnection.NextPostAsync(Ct)).Seq);
        Assert.Equal(answer.Post.Id, Assert.Single((await viewer.JoinAsync(tag, 1, Ct)).Posts).Post.Id);
        Assert.Empty(await ModerationDesk.ReadQueueAsync(app, tag, Ct));
        Assert.Empty((await authorAfterReload.MineAsync(tag, 0, Ct)).Posts);
        using var client = app.CreateClient();
        Assert.Contains($"hello {word}", await client.GetStringAsync($"/api/search?q={word}", Ct), StringComparison.Ordinal);
        Assert.False((await authorConnection.PostAsync(tag, $"hello {word}", Ct, clientId)).Held);
        await ownerConnection.PostAsync(tag, "next", Ct);
        Assert.Equal(3, (await viewer.NextPostAsync(Ct)).Seq);
    }

    [Fact]
    public async Task FirstPost_HoldsOnlyANewUsersFirstPostAndLetsTheNextThroughOnceOneIsApproved()
    {
        var tag = TestTags.New();
        var owner = await OwnerOfAsync(tag, PremoderationMode.FirstPost);
        await using var newcomer = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(tag, 0, Ct);

        var first = await newcomer.PostAsync(tag, "hi, I am new", Ct);
        var second = await newcomer.PostAsync(tag, "anyone here?", Ct);
        await ModerationDesk.PremoderateAsync(app, p => p.ApproveAsync(owner.User.Id, tag, first.Post.Id, Ct));
        await ModerationDesk.PremoderateAsync(app, p => p.ApproveAsync(owner.User.Id, tag, second.Post.Id, Ct));
        var third = await newcomer.PostAsync(tag, "thanks", Ct);

        Assert.True(first.Held);
        Assert.True(second.Held);
        Assert.False(third.Held);
        var seqs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            seqs.Add((await viewer.NextPostAsync(Ct)).Seq);
        }

        Assert.Equal([1L, 2L, 3L], seqs);
        Assert.Equal(
            [first.Post.Id, second.Post.Id, third.Post.Id],
            (await viewer.JoinAsync(tag, 0, Ct)).Posts.Select(p => p.Post.Id));
    }

    [Fact]
    public async Task Reject_DropsThePostTellsItsAuthorWhyAndARetryIsRefused()
    {
        var tag = TestTags.New();
        var owner = await OwnerOfAsync(tag, PremoderationMode.EveryPost);
        var author = await Users.NewAsync(app, Ct);
        await using var phone = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await using var laptop = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await laptop.JoinAsync(tag, 0, Ct);
        var clientId = Guid.NewGuid();
        var held = await phone.PostAsync(tag, "buy my course", Ct, clientId);

        var rejected = await ModerationDesk.PremoderateAsync(app, p => p.RejectAsync(owner.User.Id, tag, held.Post.Id, "advertising", Ct));

        Assert.True(rejected.Done, rejected.Message);
        foreach (var connection in new[] { phone, laptop })
        {
            var told = await connection.NextRejectionAsync(Ct);
            Assert.Equal((tag, held.Post.Id, "advertising"), (told.Tag, told.PostId, told.Reason));
            Assert.Contains("did not approve", told.Message, StringComparison.Ordinal);
        }

        var retry = await Assert.ThrowsAsync<HubException>(() => phone.PostAsync(tag, "buy my course", Ct, clientId));
        Assert.Contains("advertising", retry.Message, StringComparison.Ordinal);
        Assert.Empty(await ModerationDesk.ReadQueueAsync(app, tag, Ct));
        Assert.Empty((await laptop.MineAsync(tag, 0, Ct)).Posts);
        Assert.Empty((await laptop.JoinAsync(tag, 0, Ct)).Posts);
        var log = await ModerationDesk.ReadAsync(app, s => s.LogOfAsync(tag, 10, Ct));
        Assert.Equal([ModerationAction.Reject, ModerationAction.Premoderation], log.Select(e => e.Action));
    }

    [Fact]
    public async Task ApproveRejectAndSetting_ByANonModerator_AreRefusedAndChangeNothing()
    {
        var tag = TestTags.New();
        await OwnerOfAsync(tag, PremoderationMode.EveryPost);
        var author = await Users.NewAsync(app, Ct);
        var stranger = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        var held = await writer.PostAsync(tag, "let me in", Ct);

        var approve = await ModerationDesk.PremoderateAsync(app, p => p.ApproveAsync(stranger.User.Id, tag, held.Post.Id, Ct));
        var reject = await ModerationDesk.PremoderateAsync(app, p => p.RejectAsync(stranger.User.Id, tag, held.Post.Id, "", Ct));
        var setting = await ModerationDesk.PremoderateAsync(app, p => p.SetModeAsync(stranger.User.Id, tag, PremoderationMode.Off, Ct));
        var ownApproval = await ModerationDesk.PremoderateAsync(app, p => p.ApproveAsync(author.User.Id, tag, held.Post.Id, Ct));

        Assert.All([approve, reject, setting, ownApproval], o => Assert.Contains("Only the owner and moderators", o.Message, StringComparison.Ordinal));
        Assert.Equal(held.Post.Id, Assert.Single(await ModerationDesk.ReadQueueAsync(app, tag, Ct)).Post.Id);
        Assert.True((await writer.PostAsync(tag, "still waiting", Ct)).Held);
    }

    [Fact]
    public async Task HeldPost_OverTheApi_IsAnswered202WithHeldTrue()
    {
        var tag = TestTags.New();
        await OwnerOfAsync(tag, PremoderationMode.EveryPost);
        var author = await Users.NewAsync(app, Ct);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", author.AccessToken);
        var request = new CreatePostRequest(Guid.NewGuid(), "via the api");

        using var response = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", request, Ct);
        using var retried = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", request, Ct);

        foreach (var answer in new[] { response, retried })
        {
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));
            Assert.True(body.RootElement.GetProperty("held").GetBoolean());
            Assert.Equal("via the api", body.RootElement.GetProperty("post").GetProperty("text").GetString());
            Assert.Contains("waits for a moderator", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hashtag_IntoAPremoderatedChannel_IsHeldThereAndApprovalPlacesItInEveryTag()
    {
        var (open, guarded) = (TestTags.New(), TestTags.New());
        var owner = await OwnerOfAsync(guarded, PremoderationMode.EveryPost);
        await using var writer = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var viewer = await LiveViewer.ConnectAsync(app, token: null, Ct);
        await viewer.JoinAsync(open, 0, Ct);

        var held = await writer.PostAsync(open, $"sneaking into #{guarded}", Ct);
        Assert.True(held.Held);
        Assert.True(await viewer.StaysQuietAsync(TimeSpan.FromMilliseconds(300), Ct));
        await ModerationDesk.PremoderateAsync(app, p => p.ApproveAsync(owner.User.Id, guarded, held.Post.Id, Ct));

        var live = await viewer.NextPostAsync(Ct);
        Assert.Equal((open, 1L, held.Post.Id), (live.Tag, live.Seq, live.Post.Id));
        Assert.Single((await viewer.JoinAsync(guarded, 0, Ct)).Posts);
    }

    private async Task AssertNowhereInPublicAsync(string tag, string word, long postId, long authorId)
    {
        using var client = app.CreateClient();
        foreach (var path in new[]
                 {
                     $"/api/tags/{tag}/posts", $"/w/{tag}", $"/t/{tag}", $"/t/{tag}/feed.atom", "/", $"/u/{authorId}",
                     $"/u/{authorId}/feed.atom", $"/api/search?q={word}", $"/search?q={word}", $"/w/{tag}/posts",
                 })
        {
            using var response = await client.GetAsync(path, Ct);
            // The post's text, not the word alone: the search page repeats its query.
            Assert.DoesNotContain($"hello {word}", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/posts/{postId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{postId}", Ct)).StatusCode);
    }

    private async Task<IssuedToken> OwnerOfAsync(string tag, PremoderationMode mode)
    {
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var set = await ModerationDesk.PremoderateAsync(app, p => p.SetModeAsync(owner.User.Id, tag, mode, Ct));
        Assert.True(set.Done, set.Message);
        return owner;
    }
}
