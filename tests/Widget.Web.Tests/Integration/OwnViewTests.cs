using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>What a reloaded widget gets back through the hub that the shared page cannot show: own invisible posts, a ban, its end.</summary>
public sealed class OwnViewTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShadowBannedOwnPosts_AfterARejoin_AreGivenBackToTheirAuthorAlone()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using (var before = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct))
        {
            await before.PostAsync(tag, "before the ban", Ct);
            await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "spam", shadow: true, Ct));
            await before.PostAsync(tag, "buy now", Ct);
            await before.PostAsync(tag, "cheap", Ct);
        }

        await using var reloaded = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        var shared = await reloaded.JoinAsync(tag, 0, Ct);
        var mine = await reloaded.MineAsync(tag, 0, Ct);
        var fromSeqTwo = await reloaded.MineAsync(tag, 2, Ct);
        await using var stranger = await LiveViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await stranger.JoinAsync(tag, 0, Ct);

        Assert.Equal(["before the ban"], shared.Posts.Select(p => p.Post.Text));
        Assert.Equal(["buy now", "cheap"], mine.Posts.Select(p => p.Post.Text));
        Assert.Equal([2L, 3L], mine.Posts.Select(p => p.Seq ?? 0));
        Assert.All(mine.Posts, p => Assert.False(p.Held));
        Assert.Contains("cheap", mine.Posts[1].Html, StringComparison.Ordinal);
        Assert.Equal(["cheap"], fromSeqTwo.Posts.Select(p => p.Post.Text));
        Assert.Null(mine.Ban);
        Assert.Empty((await stranger.MineAsync(tag, 0, Ct)).Posts);
    }

    [Fact]
    public async Task Ban_AfterARejoin_IsGivenBackSoTheWidgetKeepsPostingOff()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "insults", shadow: false, Ct));

        await using var reloaded = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await reloaded.JoinAsync(tag, 0, Ct);
        var mine = await reloaded.MineAsync(tag, 0, Ct);

        Assert.NotNull(mine.Ban);
        Assert.Equal((tag, (DateTimeOffset?)null, "insults"), (mine.Ban.Tag, mine.Ban.Until, mine.Ban.Reason));
        Assert.Contains("for good", mine.Ban.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiftBan_TellsEveryOpenConnectionOfTheUser()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var phone = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await using var laptop = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "", shadow: false, Ct));

        var lifted = await ModerationDesk.RunAsync(app, m => m.LiftBanAsync(owner.User.Id, tag, troll.User.Id, Ct));

        Assert.True(lifted.Done, lifted.Message);
        foreach (var connection in new[] { phone, laptop })
        {
            var unbanned = await connection.NextUnbanAsync(Ct);
            Assert.Equal(tag, unbanned.Tag);
            Assert.Contains("can post again", unbanned.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TimedBan_ThatRanOut_IsEndedByTheNextPostWhichTellsTheUsersOtherConnection()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await using var phone = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await using var laptop = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        var until = DateTimeOffset.UtcNow.AddMilliseconds(600);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, until, "cool off", shadow: false, Ct));
        // A slow machine may have taken longer than the ban itself to impose it.
        var wait = until - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Ct);
        }

        var posted = await phone.PostAsync(tag, "I am back", Ct);
        var unbanned = await laptop.NextUnbanAsync(Ct);

        Assert.True(posted.Created);
        Assert.Equal(tag, unbanned.Tag);
        Assert.Empty(await ModerationDesk.ReadAsync(app, s => s.BansAsync(tag, Ct)));
        Assert.Null((await laptop.MineAsync(tag, 0, Ct)).Ban);
    }

    [Fact]
    public async Task ShadowBannedAuthor_DeletesTheirOwnPost_AsAnyAuthorWould()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "spam", shadow: true, Ct));
        await using var widget = await LiveViewer.ConnectAsync(app, troll.AccessToken, Ct);
        var post = (await widget.PostAsync(tag, "regret this", Ct)).Post;

        // Refusing here would tell the author their posts are invisible.
        await widget.DeletePostAsync(post.Id, Ct);

        Assert.Empty((await widget.MineAsync(tag, 0, Ct)).Posts);
    }
}
