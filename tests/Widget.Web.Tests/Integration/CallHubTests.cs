using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Calls;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class CallHubTests(WidgetApp app)
{
    private const string Sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Members_ExchangeAnOffer_AddressedToOneConnection_AndWatchersSeeWhoIsIn()
    {
        var tag = await CallSiteAsync();
        await using var watcher = await CallViewer.ConnectAsync(app, token: null, Ct);
        Assert.Empty((await watcher.WatchAsync(tag, Ct)).Members);
        await using var anna = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var boris = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var third = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await anna.JoinAsync(tag, Ct);
        await boris.JoinAsync(tag, Ct);
        await third.JoinAsync(tag, Ct);

        await anna.OfferAsync(boris.Id, Sdp, Ct);

        var offer = await boris.NextDescriptionAsync(Ct);
        Assert.Equal((anna.Id, "offer", Sdp), (offer.From, offer.Description.Type, offer.Description.Sdp));
        var roster = await watcher.RosterUntilAsync(r => r.Members.Count == 3, Ct);
        Assert.Equal([anna.Id, boris.Id, third.Id], roster.Members.Select(m => m.ConnectionId));
        await Task.Delay(200, Ct);
        Assert.False(third.GotDescription);
    }

    [Fact]
    public async Task Offer_FromANonMember_IsRefusedAndNotPassedOn()
    {
        var tag = await CallSiteAsync();
        await using var member = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var outsider = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await member.JoinAsync(tag, Ct);
        await outsider.WatchAsync(tag, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => outsider.OfferAsync(member.Id, Sdp, Ct));

        Assert.Contains("Join the call first.", refused.Message, StringComparison.Ordinal);
        await Task.Delay(200, Ct);
        Assert.False(member.GotDescription);
    }

    [Fact]
    public async Task Join_ByAUserBannedInTheChannel_IsRefused()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "", shadow: false, Ct));
        await using var call = await CallViewer.ConnectAsync(app, troll.AccessToken, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => call.JoinAsync(tag, Ct));

        Assert.Contains("banned", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_WhereTheSiteHasCallsOff_OrSignedOut_OrTheCallIsFull_IsRefused()
    {
        var off = TestTags.New();
        await Users.OwnerOfAsync(app, off, Ct);
        var on = await CallSiteAsync();
        await using var signedOut = await CallViewer.ConnectAsync(app, token: null, Ct);
        await using var visitor = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        var members = new List<CallViewer>();
        for (var i = 0; i < Max; i++)
        {
            members.Add(await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct));
            await members[^1].JoinAsync(on, Ct);
        }

        var offRefusal = await Assert.ThrowsAsync<HubException>(() => visitor.JoinAsync(off, Ct));
        var signedOutRefusal = await Assert.ThrowsAsync<HubException>(() => signedOut.JoinAsync(on, Ct));
        var fullRefusal = await Assert.ThrowsAsync<HubException>(() => visitor.JoinAsync(on, Ct));

        Assert.Contains("Calls are off", offRefusal.Message, StringComparison.Ordinal);
        Assert.Contains("Sign in to join", signedOutRefusal.Message, StringComparison.Ordinal);
        Assert.Contains("The call is full.", fullRefusal.Message, StringComparison.Ordinal);
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }
    }

    [Fact]
    public async Task Offer_LargerThanTheLimit_IsRefused()
    {
        var tag = await CallSiteAsync();
        await using var anna = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var boris = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await anna.JoinAsync(tag, Ct);
        await boris.JoinAsync(tag, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => anna.OfferAsync(boris.Id, Sdp + new string('a', 16_000), Ct));

        Assert.Contains("too large", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    [SuppressMessage("Security", "CA5350", Justification = "Checks the TURN REST scheme, which is defined with HMAC-SHA1.")]
    public async Task TurnCredentials_GoToMembersOnly_AndVerifyWithTheSharedSecret()
    {
        var tag = await CallSiteAsync();
        var anna = await Users.NewAsync(app, Ct);
        await using var member = await CallViewer.ConnectAsync(app, anna.AccessToken, Ct);
        await using var outsider = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);

        var joined = await member.JoinAsync(tag, Ct);
        var fresh = await member.IceServersAsync(Ct);
        await Assert.ThrowsAsync<HubException>(() => outsider.IceServersAsync(Ct));

        foreach (var turn in new[] { joined.IceServers.Single(s => s.Username is not null), fresh.Single(s => s.Username is not null) })
        {
            Assert.Equal([WidgetApp.TurnUrl], turn.Urls);
            var (expiry, user) = (long.Parse(turn.Username!.Split(':')[0], CultureInfo.InvariantCulture), turn.Username.Split(':')[1]);
            Assert.Equal(anna.User.Id.ToString(CultureInfo.InvariantCulture), user);
            Assert.InRange(expiry - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60, 24 * 3600);
            var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(WidgetApp.TurnSecret), Encoding.UTF8.GetBytes(turn.Username)));
            Assert.Equal(expected, turn.Credential);
        }
    }

    private int Max => app.Services.GetRequiredService<IOptions<CallOptions>>().Value.MaxParticipants;

    private async Task<string> CallSiteAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        return tag;
    }
}
