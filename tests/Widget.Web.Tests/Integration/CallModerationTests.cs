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

    private async Task<(string Tag, IssuedToken Owner)> CallSiteAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        return (tag, owner);
    }
}
