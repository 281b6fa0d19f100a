using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>A "Browse together" session's own call: only its participants are in it, and leaving the session leaves the call.</summary>
public sealed class TogetherCallHubTests(WidgetApp app)
{
    private const string Sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private static readonly SiteSettings CallsAndTogether = new() { BrowseTogether = true, Calls = CallsMode.SignedIn };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JoinSession_ByTwoParticipants_PutsThemInARoomOfTheirOwn_WhereTheySignalEachOther()
    {
        await using var scene = await TogetherScene.StartAsync(app, CallsAndTogether, Ct);
        var boris = await scene.JoinAsync(Ct);
        await using var annaCall = await CallOf(scene.Creator);
        await using var borisCall = await CallOf(boris);
        Assert.Empty((await borisCall.WatchSessionAsync(scene.SessionId, Ct)).Members);

        var started = await annaCall.JoinSessionAsync(scene.SessionId, Ct);
        var seen = await borisCall.RosterUntilAsync(r => r.Members.Count == 1, Ct);
        var joined = await borisCall.JoinSessionAsync(scene.SessionId, Ct);
        await annaCall.OfferAsync(borisCall.Id, Sdp, Ct);

        Assert.Equal($"{scene.Tag}/together-{scene.SessionId}", started.Roster.Tag);
        Assert.Equal((started.Roster.Tag, annaCall.Id), (seen.Tag, seen.Members.Single().ConnectionId));
        Assert.Equal([annaCall.Id, borisCall.Id], joined.Roster.Members.Select(m => m.ConnectionId));
        Assert.Equal(annaCall.Id, (await borisCall.NextDescriptionAsync(Ct)).From);
    }

    [Fact]
    public async Task JoinSession_OrWatchSession_BySomeoneNotInTheSession_IsRefused_AndTheyCannotSignalIntoIt()
    {
        await using var scene = await TogetherScene.StartAsync(app, CallsAndTogether, Ct);
        await using var annaCall = await CallOf(scene.Creator);
        await annaCall.JoinSessionAsync(scene.SessionId, Ct);
        var outsiderToken = await Users.NewAsync(app, Ct);
        await using var outsider = await CallViewer.ConnectAsync(app, outsiderToken.AccessToken, Ct);
        await outsider.JoinAsync(scene.Tag, Ct);

        var join = await Assert.ThrowsAsync<HubException>(() => outsider.JoinSessionAsync(scene.SessionId, Ct));
        var watch = await Assert.ThrowsAsync<HubException>(() => outsider.WatchSessionAsync(scene.SessionId, Ct));
        var offer = await Assert.ThrowsAsync<HubException>(() => outsider.OfferAsync(annaCall.Id, Sdp, Ct));

        Assert.Contains("Only the people browsing together in this session", join.Message, StringComparison.Ordinal);
        Assert.Contains("Only the people browsing together in this session", watch.Message, StringComparison.Ordinal);
        Assert.Contains("Join the call first.", offer.Message, StringComparison.Ordinal);
        await Task.Delay(200, Ct);
        Assert.False(annaCall.GotDescription);
    }

    [Fact]
    public async Task JoinSession_WhereTheSiteHasCallsOff_OrByAParticipantBannedInTheChannel_IsRefused()
    {
        await using var off = await TogetherScene.StartAsync(app, new SiteSettings { BrowseTogether = true }, Ct);
        await using var offCall = await CallOf(off.Creator);
        await using var scene = await TogetherScene.StartAsync(app, CallsAndTogether, Ct);
        var boris = await scene.JoinAsync(Ct);
        await using var borisCall = await CallOf(boris);

        var callsOff = await Assert.ThrowsAsync<HubException>(() => offCall.JoinSessionAsync(off.SessionId, Ct));
        await ModerationDesk.RunAsync(app, m => m.BanAsync(scene.OwnerId, scene.Tag, boris.User.User.Id, null, "", shadow: false, Ct));
        var banned = await Assert.ThrowsAsync<HubException>(() => borisCall.JoinSessionAsync(scene.SessionId, Ct));

        Assert.Contains("Calls are off", callsOff.Message, StringComparison.Ordinal);
        // The ban took them out of the session itself (TogetherEvictor), so they are refused as a stranger would be.
        Assert.Contains("Only the people browsing together in this session", banned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinSession_WhereTheChannelsCallsAreByAdmission_WaitsForAModeratorToLetTheParticipantIn()
    {
        await using var scene = await TogetherScene.StartAsync(app, new SiteSettings { BrowseTogether = true, Calls = CallsMode.Admitted }, Ct);
        var boris = await scene.JoinAsync(Ct);
        await using var borisCall = await CallOf(boris);
        await using var ownerCall = await CallViewer.ConnectAsync(app, scene.Owner.AccessToken, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => borisCall.JoinSessionAsync(scene.SessionId, Ct));
        Assert.False(await borisCall.AskToJoinAsync(scene.Tag, Ct));
        await ownerCall.AdmitAsync(scene.Tag, boris.User.User.Id, Ct);
        var joined = await borisCall.JoinSessionAsync(scene.SessionId, Ct);

        Assert.Contains("A moderator has to let you into this call first.", refused.Message, StringComparison.Ordinal);
        Assert.Equal([borisCall.Id], joined.Roster.Members.Select(m => m.ConnectionId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AParticipantRemovedFromTheSession_OrLeavingIt_IsPutOutOfItsCallAtOnce(bool leaves)
    {
        await using var scene = await TogetherScene.StartAsync(app, CallsAndTogether, Ct);
        var boris = await scene.JoinAsync(Ct);
        await using var annaCall = await CallOf(scene.Creator);
        await using var borisCall = await CallOf(boris);
        var room = (await annaCall.JoinSessionAsync(scene.SessionId, Ct)).Roster.Tag;
        await borisCall.JoinSessionAsync(scene.SessionId, Ct);

        await (leaves ? boris.LeaveAsync(scene.SessionId, Ct) : scene.Creator.RemoveAsync(scene.SessionId, boris.User.User.Id, Ct));

        var removal = await borisCall.NextRemovalAsync(Ct);
        Assert.Equal(room, removal.Tag);
        Assert.Contains("no longer in the browsing session", removal.Message, StringComparison.Ordinal);
        var left = await annaCall.RosterUntilAsync(r => r.Tag == room && r.Members.Count == 1, Ct);
        Assert.Equal([annaCall.Id], left.Members.Select(m => m.ConnectionId));
        await Assert.ThrowsAsync<HubException>(() => borisCall.OfferAsync(annaCall.Id, Sdp, Ct));
        await Assert.ThrowsAsync<HubException>(() => borisCall.JoinSessionAsync(scene.SessionId, Ct));
        await Assert.ThrowsAsync<HubException>(() => borisCall.WatchSessionAsync(scene.SessionId, Ct));
    }

    [Fact]
    public async Task AWatcherRemovedFromTheSession_NoLongerHearsWhoIsInItsCall()
    {
        await using var scene = await TogetherScene.StartAsync(app, CallsAndTogether, Ct);
        var boris = await scene.JoinAsync(Ct);
        var clara = await scene.JoinAsync(Ct);
        await using var annaCall = await CallOf(scene.Creator);
        await using var borisCall = await CallOf(boris);
        await using var claraCall = await CallOf(clara);
        await borisCall.WatchSessionAsync(scene.SessionId, Ct);
        await claraCall.WatchSessionAsync(scene.SessionId, Ct);

        await scene.Creator.RemoveAsync(scene.SessionId, boris.User.User.Id, Ct);
        await annaCall.JoinSessionAsync(scene.SessionId, Ct);

        await claraCall.RosterUntilAsync(r => r.Members.Count == 1, Ct);
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        quiet.CancelAfter(TimeSpan.FromMilliseconds(600));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => borisCall.RosterUntilAsync(r => r.Members.Count == 1, quiet.Token));
    }

    [Fact]
    public async Task EndingTheSession_EndsItsCall_ForEveryoneInIt()
    {
        await using var scene = await TogetherScene.StartAsync(app, CallsAndTogether, Ct);
        var boris = await scene.JoinAsync(Ct);
        await using var annaCall = await CallOf(scene.Creator);
        await using var borisCall = await CallOf(boris);
        var room = (await annaCall.JoinSessionAsync(scene.SessionId, Ct)).Roster.Tag;
        await borisCall.JoinSessionAsync(scene.SessionId, Ct);

        await scene.Creator.EndAsync(scene.SessionId, Ct);

        foreach (var call in new[] { annaCall, borisCall })
        {
            var removal = await call.NextRemovalAsync(Ct);
            Assert.Equal(room, removal.Tag);
            Assert.Contains("session ended", removal.Message, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<HubException>(() => borisCall.OfferAsync(annaCall.Id, Sdp, Ct));
        await Assert.ThrowsAsync<HubException>(() => annaCall.JoinSessionAsync(scene.SessionId, Ct));
    }

    private Task<CallViewer> CallOf(TogetherClient participant) => CallViewer.ConnectAsync(app, participant.User.AccessToken, Ct);
}
