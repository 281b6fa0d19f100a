using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Auth;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class CallModerationTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false, "You are banned in #")]
    [InlineData(true, "A moderator took you out of the call.")]
    public async Task Ban_TakesTheUserOutOfTheCallAtOnce_AndTheOthersSeeThemGo(bool shadow, string said)
    {
        var (tag, owner) = await CallSiteAsync();
        var troll = await Users.NewAsync(app, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var trolling = await CallViewer.ConnectAsync(app, troll.AccessToken, Ct);
        await anna.JoinAsync(tag, Ct);
        await trolling.JoinAsync(tag, Ct);
        await anna.RosterUntilAsync(r => r.Members.Count == 2, Ct);

        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "", shadow, Ct));

        var removal = await trolling.NextRemovalAsync(Ct);
        Assert.Equal(tag, removal.Tag);
        Assert.StartsWith(said, removal.Message, StringComparison.Ordinal);
        var roster = await anna.RosterUntilAsync(r => r.Members.Count == 1, Ct);
        Assert.Equal([anna.Id], roster.Members.Select(m => m.ConnectionId));
        Assert.False(anna.GotRemoval);
        await Assert.ThrowsAsync<HubException>(() => trolling.IceServersAsync(Ct));
    }

    [Fact]
    public async Task RemoveAndEnd_ByAMemberWhoDoesNotModerate_AreRefused_AndTheCallStays()
    {
        var (tag, _) = await CallSiteAsync();
        await using var anna = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var boris = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct, lang: "ru");
        await using var signedOut = await CallViewer.ConnectAsync(app, token: null, Ct);
        await anna.JoinAsync(tag, Ct);
        await boris.JoinAsync(tag, Ct);

        var removeRefused = await Assert.ThrowsAsync<HubException>(() => boris.RemoveAsync(tag, anna.Id, Ct));
        var endRefused = await Assert.ThrowsAsync<HubException>(() => anna.EndAsync(tag, Ct));
        var signedOutRefused = await Assert.ThrowsAsync<HubException>(() => signedOut.EndAsync(tag, Ct));

        Assert.Contains("Это могут только модераторы канала.", removeRefused.Message, StringComparison.Ordinal);
        Assert.Contains("Only the channel's moderators can do that.", endRefused.Message, StringComparison.Ordinal);
        Assert.Contains("Only the channel's moderators can do that.", signedOutRefused.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await signedOut.WatchAsync(tag, Ct)).Members.Count);
        await Task.Delay(200, Ct);
        Assert.False(anna.GotRemoval || boris.GotRemoval);
    }

    [Fact]
    public async Task Moderator_RemovesOneMember_ThenEndsTheCall_AndEachIsToldInTheirLanguage()
    {
        var (tag, owner) = await CallSiteAsync();
        await using var moderator = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var boris = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct, lang: "ru");
        await using var vera = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await moderator.WatchAsync(tag, Ct);
        foreach (var member in new[] { anna, boris, vera })
        {
            await member.JoinAsync(tag, Ct);
        }

        await moderator.RemoveAsync(tag, vera.Id, Ct);

        Assert.Equal("A moderator took you out of the call.", (await vera.NextRemovalAsync(Ct)).Message);
        await moderator.RosterUntilAsync(r => r.Members.Count == 2, Ct);

        await moderator.EndAsync(tag, Ct);

        Assert.Equal("A moderator ended the call.", (await anna.NextRemovalAsync(Ct)).Message);
        Assert.Equal("Модератор завершил звонок.", (await boris.NextRemovalAsync(Ct)).Message);
        await moderator.RosterUntilAsync(r => r.Members.Count == 0, Ct);
        Assert.Empty((await moderator.WatchAsync(tag, Ct)).Members);
        await Assert.ThrowsAsync<HubException>(() => anna.OfferAsync(boris.Id, "v=0", Ct));
    }

    private async Task<(string Tag, IssuedToken Owner)> CallSiteAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        return (tag, owner);
    }
}
