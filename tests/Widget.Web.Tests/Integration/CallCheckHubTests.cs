using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Calls;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>The check screen's ICE servers go to whom Join would admit, bound to them and short-lived, at a limited rate;
/// past the video cap a newcomer is admitted with sound only, past the cap not at all.</summary>
public sealed class CallCheckHubTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CallOptions Calls => app.Services.GetRequiredService<IOptions<CallOptions>>().Value;

    [Fact]
    public async Task Check_BeforeJoining_GivesTheCallerShortLivedRelayCredentials_AndSaysARelayExists()
    {
        var tag = await CallSiteAsync();
        var anna = await Users.NewAsync(app, Ct);
        await using var viewer = await CallViewer.ConnectAsync(app, anna.AccessToken, Ct);

        var check = await viewer.CheckAsync(tag, Ct);

        Assert.True(check.Relay);
        var turn = check.IceServers.Single(s => s.Username is not null);
        Assert.Equal([WidgetApp.TurnUrl], turn.Urls);
        var parts = turn.Username!.Split(':');
        Assert.Equal(anna.User.Id.ToString(CultureInfo.InvariantCulture), parts[1]);
        Assert.InRange(long.Parse(parts[0], CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60, 10 * 60);
        Assert.Equal(TurnCredentials.Password(WidgetApp.TurnSecret, turn.Username), turn.Credential);
        Assert.Empty((await viewer.WatchAsync(tag, Ct)).Members);
    }

    [Fact]
    public async Task Check_SignedOut_OrWhereCallsAreOff_OrByABannedUser_IsRefused()
    {
        var off = TestTags.New();
        await Users.OwnerOfAsync(app, off, Ct);
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        var troll = await Users.NewAsync(app, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.Id, null, "", shadow: false, Ct));
        await using var signedOut = await CallViewer.ConnectAsync(app, token: null, Ct);
        await using var visitor = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var banned = await CallViewer.ConnectAsync(app, troll.AccessToken, Ct);

        var signedOutRefusal = await Assert.ThrowsAsync<HubException>(() => signedOut.CheckAsync(tag, Ct));
        var offRefusal = await Assert.ThrowsAsync<HubException>(() => visitor.CheckAsync(off, Ct));
        var bannedRefusal = await Assert.ThrowsAsync<HubException>(() => banned.CheckAsync(tag, Ct));

        Assert.Contains("Sign in to join", signedOutRefusal.Message, StringComparison.Ordinal);
        Assert.Contains("Calls are off", offRefusal.Message, StringComparison.Ordinal);
        Assert.Contains("banned", bannedRefusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FasterThanTheSignallingRate_IsRefused()
    {
        var tag = await CallSiteAsync();
        await using var viewer = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(async () =>
        {
            // The bucket refills while the loop runs; four bursts' worth outruns it on any machine.
            for (var i = 0; i < 4 * Calls.SignalBurst; i++)
            {
                await viewer.CheckAsync(tag, Ct);
            }
        });

        Assert.Contains("Too many call messages", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_PastTheVideoCap_IsWithSoundOnly_AndPastTheCap_IsRefused()
    {
        var tag = await CallSiteAsync();
        var members = new List<CallViewer>();
        try
        {
            var audioOnly = new List<bool>();
            for (var i = 0; i < Calls.MaxParticipants; i++)
            {
                members.Add(await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct));
                audioOnly.Add((await members[^1].JoinAsync(tag, Ct)).AudioOnly);
            }

            members.Add(await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct));
            var full = await Assert.ThrowsAsync<HubException>(() => members[^1].JoinAsync(tag, Ct));

            Assert.Equal(Enumerable.Range(0, Calls.MaxParticipants).Select(i => i >= Calls.MaxVideoParticipants), audioOnly);
            Assert.Contains("The call is full.", full.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var member in members)
            {
                await member.DisposeAsync();
            }
        }
    }

    private async Task<string> CallSiteAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.SignedIn }, Ct);
        return tag;
    }
}
