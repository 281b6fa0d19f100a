using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Auth;
using Widget.Web.Calls;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class DirectCallHubTests(WidgetApp app)
{
    private const string Sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private readonly Dictionary<string, long> owners = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ring_Accepted_PutsBothInARoomOfTheirOwn_ThatNoOtherMemberCanSignalInto()
    {
        var tag = await CallSiteAsync();
        await using var anna = await PresentAsync(tag);
        await using var boris = await PresentAsync(tag);
        await using var outsider = await PresentAsync(tag);
        await outsider.Call.JoinAsync(tag, Ct);

        var started = await anna.Call.RingAsync(tag, boris.User.Id, Ct);
        var ring = await boris.Call.NextRingAsync(Ct);
        var borisJoined = await boris.Call.AnswerAsync(ring.RingId, accept: true, Ct);
        Assert.True((await anna.Call.NextAnswerAsync(Ct)).Accepted);
        var annaJoined = await anna.Call.JoinDirectAsync(started.RingId, Ct);

        Assert.Equal((started.RingId, tag, anna.User.Id), (ring.RingId, ring.Tag, ring.CallerId));
        var room = annaJoined.Roster.Tag;
        Assert.Equal(room, borisJoined!.Roster.Tag);
        Assert.NotEqual(tag, room);
        Assert.Equal([boris.Call.Id, anna.Call.Id], annaJoined.Roster.Members.Select(m => m.ConnectionId));
        await anna.Call.OfferAsync(boris.Call.Id, Sdp, Ct);
        Assert.Equal(anna.Call.Id, (await boris.Call.NextDescriptionAsync(Ct)).From);
        var offerIn = await Assert.ThrowsAsync<HubException>(() => outsider.Call.OfferAsync(boris.Call.Id, Sdp, Ct));
        Assert.Contains("Join the call first.", offerIn.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => outsider.Call.JoinDirectAsync(started.RingId, Ct));
        await Assert.ThrowsAsync<HubException>(() => outsider.Call.JoinAsync(room, Ct));
        await Task.Delay(200, Ct);
        Assert.False(outsider.Call.GotDescription);
    }

    [Fact]
    public async Task Ring_Declined_TellsTheCaller_AndCannotThenBeAccepted()
    {
        var tag = await CallSiteAsync();
        await using var anna = await PresentAsync(tag);
        await using var boris = await PresentAsync(tag);

        var started = await anna.Call.RingAsync(tag, boris.User.Id, Ct);
        Assert.Null(await boris.Call.AnswerAsync(started.RingId, accept: false, Ct));

        Assert.False((await anna.Call.NextAnswerAsync(Ct)).Accepted);
        await Assert.ThrowsAsync<HubException>(() => boris.Call.AnswerAsync(started.RingId, accept: true, Ct));
        await Assert.ThrowsAsync<HubException>(() => anna.Call.JoinDirectAsync(started.RingId, Ct));
    }

    [Fact]
    public async Task Ring_ToSomeoneNotPresent_OrWhereCallsAreOff_OrByOrToABannedUser_IsRefused()
    {
        var tag = await CallSiteAsync();
        var off = TestTags.New();
        await Users.OwnerOfAsync(app, off, Ct);
        await using var anna = await PresentAsync(tag);
        await using var boris = await PresentAsync(tag);
        await using var absent = await CallerAsync();
        await using var annaOff = await PresentAsync(off, anna.Token);
        await using var borisOff = await PresentAsync(off, boris.Token);

        var notHere = await Assert.ThrowsAsync<HubException>(() => anna.Call.RingAsync(tag, absent.User.Id, Ct));
        var callsOff = await Assert.ThrowsAsync<HubException>(() => annaOff.Call.RingAsync(off, boris.User.Id, Ct));
        var self = await Assert.ThrowsAsync<HubException>(() => anna.Call.RingAsync(tag, anna.User.Id, Ct));
        await ModerationDesk.RunAsync(app, m => m.BanAsync(Owner(tag), tag, boris.User.Id, null, "", shadow: false, Ct));
        var toBanned = await Assert.ThrowsAsync<HubException>(() => anna.Call.RingAsync(tag, boris.User.Id, Ct));
        var byBanned = await Assert.ThrowsAsync<HubException>(() => boris.Call.RingAsync(tag, anna.User.Id, Ct));

        Assert.Contains("not here", notHere.Message, StringComparison.Ordinal);
        Assert.Contains("Calls are off", callsOff.Message, StringComparison.Ordinal);
        Assert.Contains("yourself", self.Message, StringComparison.Ordinal);
        Assert.Contains("cannot take calls", toBanned.Message, StringComparison.Ordinal);
        Assert.Contains("banned", byBanned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ring_PastTheLimitOfRingsRinging_IsRefused_UntilOneIsCancelled()
    {
        var tag = await CallSiteAsync();
        await using var anna = await PresentAsync(tag);
        var callees = new List<Present>();
        for (var i = 0; i < 4; i++)
        {
            callees.Add(await PresentAsync(tag));
        }

        var rings = new List<RingStarted>();
        for (var i = 0; i < 3; i++)
        {
            rings.Add(await anna.Call.RingAsync(tag, callees[i].User.Id, Ct));
        }

        var tooMany = await Assert.ThrowsAsync<HubException>(() => anna.Call.RingAsync(tag, callees[3].User.Id, Ct));
        await anna.Call.Connection.InvokeAsync(nameof(CallHub.CancelRing), rings[0].RingId, Ct);
        await anna.Call.RingAsync(tag, callees[3].User.Id, Ct);

        Assert.Contains("too many", tooMany.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => callees[0].Call.AnswerAsync(rings[0].RingId, accept: true, Ct));
        foreach (var callee in callees)
        {
            await callee.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ban_TakesTheBannedUserOutOfTheirDirectCall()
    {
        var tag = await CallSiteAsync();
        await using var anna = await PresentAsync(tag);
        await using var boris = await PresentAsync(tag);
        var started = await anna.Call.RingAsync(tag, boris.User.Id, Ct);
        await boris.Call.AnswerAsync(started.RingId, accept: true, Ct);
        await anna.Call.NextAnswerAsync(Ct);
        var joined = await anna.Call.JoinDirectAsync(started.RingId, Ct);

        await ModerationDesk.RunAsync(app, m => m.BanAsync(Owner(tag), tag, boris.User.Id, null, "", shadow: false, Ct));

        var removal = await boris.Call.NextRemovalAsync(Ct);
        Assert.Equal(joined.Roster.Tag, removal.Tag);
        var left = await anna.Call.RosterUntilAsync(r => r.Tag == joined.Roster.Tag && r.Members.Count == 1, Ct);
        Assert.Equal([anna.Call.Id], left.Members.Select(m => m.ConnectionId));
        await Assert.ThrowsAsync<HubException>(() => boris.Call.OfferAsync(anna.Call.Id, Sdp, Ct));
    }

    private long Owner(string tag) => owners[tag];

    private async Task<string> CallSiteAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        owners[tag] = owner.User.Id;
        return tag;
    }

    /// <summary>A new signed-in visitor with the channel's widget open: counted present, and connected to the call hub.</summary>
    private async Task<Present> PresentAsync(string tag, IssuedToken? token = null)
    {
        token ??= await Users.NewAsync(app, Ct);
        var live = await LiveViewer.ConnectAsync(app, token.AccessToken, Ct);
        await live.JoinAsync(tag, 0, Ct);
        return new Present(token, live, await CallViewer.ConnectAsync(app, token.AccessToken, Ct));
    }

    private async Task<Present> CallerAsync()
    {
        var token = await Users.NewAsync(app, Ct);
        return new Present(token, null, await CallViewer.ConnectAsync(app, token.AccessToken, Ct));
    }

    private sealed record Present(IssuedToken Token, LiveViewer? Live, CallViewer Call) : IAsyncDisposable
    {
        public TokenUser User => Token.User;

        public async ValueTask DisposeAsync()
        {
            await Call.DisposeAsync();
            if (Live is not null)
            {
                await Live.DisposeAsync();
            }
        }
    }
}
