using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Calls;
using Widget.Web.Moderation;
using Widget.Web.Together;

namespace Widget.Cluster.Tests;

/// <summary>A browsing session whose creator is connected to node A and whose guest is connected to node B.</summary>
public sealed class CrossNodeTogetherTests(WidgetCluster cluster)
{
    private static readonly CursorPosition OnTheButton = new("#order/2", 0.25, 0.5);

    private static readonly FormUpdate Typed = new("/book", "AQLs7/zZDwAEAXR3aXNoZXMBYQA=", 0, 1);

    [Fact(Timeout = 90_000)]
    public async Task AKnockOnNodeB_IsAdmittedOnNodeA_AndCursorsFormsAndChatCrossBothWays_WhileAStrangersAreRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await JoinedSessionAsync(ct);
        var (anna, boris) = (session.Anna, session.Boris);
        await using var stranger = await ClusterTogether.ConnectAsync(cluster.B, await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), ct);

        await anna.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton, ct);
        Assert.Contains((await boris.Cursors.ReadSoonAsync(b => b.Moves.Any(m => m.UserId == session.AnnaId), ct)).Moves, m => m.UserId == session.AnnaId && m.Position == OnTheButton);
        await boris.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton with { X = 0.75 }, ct);
        Assert.Contains((await anna.Cursors.ReadSoonAsync(b => b.Moves.Any(m => m.UserId == session.BorisId), ct)).Moves, m => m.UserId == session.BorisId && m.Position.X == 0.75);

        await boris.Connection.InvokeAsync(nameof(TogetherHub.SendForm), session.Id, Typed, ct);
        Assert.Equal(new FormRelay(session.Id, session.BorisId, Typed), await anna.Forms.ReadSoonAsync(ct));
        await anna.Connection.InvokeAsync(nameof(TogetherHub.SendForm), session.Id, Typed, ct);
        Assert.Equal(new FormRelay(session.Id, session.AnnaId, Typed), await boris.Forms.ReadSoonAsync(ct));

        await anna.Connection.InvokeAsync(nameof(TogetherHub.Say), session.Id, "Over here", ct);
        Assert.Equal("Over here", (await boris.Lines.ReadSoonAsync(ct)).Text);
        await boris.Connection.InvokeAsync(nameof(TogetherHub.Say), session.Id, "Got it", ct);
        Assert.Equal("Got it", (await anna.Lines.ReadSoonAsync(l => l.UserId == session.BorisId, ct)).Text);

        await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton, ct));
        await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync(nameof(TogetherHub.SendForm), session.Id, Typed, ct));
        await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync(nameof(TogetherHub.Say), session.Id, "Let me in", ct));
        await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync(nameof(TogetherHub.Admit), session.Id, session.BorisId, ct));
        Assert.False(anna.Forms.Reader.TryRead(out _));
    }

    [Fact(Timeout = 90_000)]
    public async Task ARemovalOnNodeA_ReachesTheGuestOnNodeB_AndTheirRelaysAreRefusedThere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await JoinedSessionAsync(ct);

        // Once on node B, the guest's membership is known there; the removal on node A must undo that.
        await session.Boris.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton, ct);
        await session.Anna.Connection.InvokeAsync(nameof(TogetherHub.Remove), session.Id, session.BorisId, ct);

        Assert.Equal(session.Id, await session.Boris.Removals.ReadSoonAsync(ct));
        Assert.DoesNotContain(
            (await session.Anna.Participants.ReadSoonAsync(v => v.Participants.All(p => p.UserId != session.BorisId), ct)).Participants, p => p.UserId == session.BorisId);
        await Assert.ThrowsAsync<HubException>(() => session.Boris.Connection.InvokeAsync(nameof(TogetherHub.SendForm), session.Id, Typed, ct));
        await Assert.ThrowsAsync<HubException>(() => session.Boris.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton, ct));
        // Out of the session's group on node B too: what is said after reaches him no more.
        await session.Anna.Connection.InvokeAsync(nameof(TogetherHub.Say), session.Id, "Just us now", ct);
        await session.Anna.Lines.ReadSoonAsync(l => l.UserId == session.AnnaId, ct);
        await Task.Delay(500, ct);
        Assert.False(session.Boris.Lines.Reader.TryRead(out _));
        var answer = await session.Boris.Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), session.Id, ct);
        Assert.Equal("waiting", answer.State);
    }

    [Fact(Timeout = 90_000)]
    public async Task TheGuestComingBackOnTheOtherNode_IsInAtOnce_AndAnEndOnNodeA_ReachesThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await JoinedSessionAsync(ct);
        await using var reloaded = await ClusterTogether.ConnectAsync(cluster.A, session.BorisToken, ct);
        await session.Boris.Connection.StopAsync(ct);

        var view = await reloaded.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), session.Id, ct);
        Assert.Contains(view.Participants, p => p.UserId == session.BorisId);
        await using var secondTab = await ClusterTogether.ConnectAsync(cluster.B, session.BorisToken, ct);
        Assert.Equal("admitted", (await secondTab.Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), session.Id, ct)).State);
        await secondTab.Connection.InvokeAsync(nameof(TogetherHub.Say), session.Id, "Back", ct);
        Assert.Equal("Back", (await session.Anna.Lines.ReadSoonAsync(ct)).Text);

        await session.Anna.Connection.InvokeAsync(nameof(TogetherHub.End), session.Id, ct);

        Assert.Equal(session.Id, await secondTab.Ends.ReadSoonAsync(ct));
        Assert.Equal(session.Id, await reloaded.Ends.ReadSoonAsync(ct));
        await Assert.ThrowsAsync<HubException>(() => secondTab.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton, ct));
        await Assert.ThrowsAsync<HubException>(() => reloaded.Connection.InvokeAsync(nameof(TogetherHub.Rejoin), session.Id, ct));
    }

    [Fact(Timeout = 90_000)]
    public async Task ABanOnNodeA_TakesTheGuestOnNodeBOut_AndABannedUserCannotKnock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await JoinedSessionAsync(ct);
        var veraToken = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        await using var vera = await ClusterTogether.ConnectAsync(cluster.B, veraToken, ct);
        await vera.Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), session.Id, ct);
        var veraId = (await session.Anna.Knocks.ReadSoonAsync(ct)).UserId;

        await BanAsync(session, session.BorisId, ct);
        await BanAsync(session, veraId, ct);

        Assert.Equal(session.Id, await session.Boris.Removals.ReadSoonAsync(ct));
        Assert.Equal(session.Id, await vera.Declines.ReadSoonAsync(ct));
        await Assert.ThrowsAsync<HubException>(() => session.Boris.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton, ct));
        var refusal = await Assert.ThrowsAsync<HubException>(() => vera.Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), session.Id, ct));
        Assert.Contains("banned", refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => session.Anna.Connection.InvokeAsync(nameof(TogetherHub.Admit), session.Id, veraId, ct));
    }

    [Fact(Timeout = 90_000)]
    public async Task EveryoneReloadingOntoTheOtherNode_IsBackIn_AndASessionEveryoneLeft_EndsAfterTheTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await JoinedSessionAsync(ct);
        await session.Anna.Connection.StopAsync(ct);
        await session.Boris.Connection.StopAsync(ct);

        await using var annaOnB = await ClusterTogether.ConnectAsync(cluster.B, session.AnnaToken, ct);
        await using var borisOnA = await ClusterTogether.ConnectAsync(cluster.A, session.BorisToken, ct);
        await annaOnB.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), session.Id, ct);
        await borisOnA.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), session.Id, ct);
        await borisOnA.Connection.InvokeAsync(nameof(TogetherHub.Say), session.Id, "Still here", ct);
        Assert.Equal("Still here", (await annaOnB.Lines.ReadSoonAsync(l => l.UserId == session.BorisId, ct)).Text);
        await annaOnB.Connection.StopAsync(ct);
        await borisOnA.Connection.StopAsync(ct);
        // Past the test nodes' 5 s empty-session timeout, with room for a busy node to hear both closes late.
        await Task.Delay(TimeSpan.FromSeconds(9), ct);

        await using var tooLate = await ClusterTogether.ConnectAsync(cluster.A, session.BorisToken, ct);
        var refusal = await Assert.ThrowsAsync<HubException>(() => tooLate.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), session.Id, ct));
        Assert.Contains("ended", refusal.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task TheSessionsCall_StartedOnNodeA_IsJoinedOnNodeB_ButNotByAStranger_NorByTheGuestOnceRemoved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await JoinedSessionAsync(ct);
        await ClusterDatabase.TurnOnCallsAsync(cluster, session.Tag, ct);
        await using var annaCall = await ClusterCallHub.ConnectAsync(cluster.A, session.AnnaToken, ct);
        await using var borisCall = await ClusterCallHub.ConnectAsync(cluster.B, session.BorisToken, ct);
        await using var strangerCall = await ClusterCallHub.ConnectAsync(cluster.B, await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), ct);

        await annaCall.InvokeAsync<CallJoined>(nameof(CallHub.JoinSession), session.Id, ct);
        var joined = await borisCall.InvokeAsync<CallJoined>(nameof(CallHub.JoinSession), session.Id, ct);

        Assert.Equal(2, joined.Roster.Members.Count);
        await Assert.ThrowsAsync<HubException>(() => strangerCall.InvokeAsync<CallJoined>(nameof(CallHub.JoinSession), session.Id, ct));
        await borisCall.InvokeAsync(nameof(CallHub.Leave), ct);
        await session.Anna.Connection.InvokeAsync(nameof(TogetherHub.Remove), session.Id, session.BorisId, ct);
        await session.Boris.Removals.ReadSoonAsync(ct);
        await Assert.ThrowsAsync<HubException>(() => borisCall.InvokeAsync<CallJoined>(nameof(CallHub.JoinSession), session.Id, ct));
    }

    [Fact(Timeout = 90_000)]
    public async Task TheCap_HoldsForAKnockOnEitherNode()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await JoinedSessionAsync(ct);
        await using var vera = await ClusterTogether.ConnectAsync(cluster.A, await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), ct);

        await vera.Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), session.Id, ct);
        var veraId = (await session.Anna.Knocks.ReadSoonAsync(ct)).UserId;

        var refusal = await Assert.ThrowsAsync<HubException>(() => session.Anna.Connection.InvokeAsync(nameof(TogetherHub.Admit), session.Id, veraId, ct));
        Assert.Contains("full", refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => vera.Connection.InvokeAsync(nameof(TogetherHub.Move), session.Id, OnTheButton, ct));
        await session.Anna.Connection.InvokeAsync(nameof(TogetherHub.Remove), session.Id, session.BorisId, ct);
        await session.Anna.Connection.InvokeAsync(nameof(TogetherHub.Admit), session.Id, veraId, ct);
        Assert.Contains(session.AnnaId, (await vera.Admissions.ReadSoonAsync(ct)).Participants.Select(p => p.UserId));
    }

    /// <summary>
    /// nginx sends every client of one address to the same node, so the creator comes through it and the guest has a tab
    /// on each node: whichever node nginx chose, one of the guest's tabs is on the other.
    /// </summary>
    [Fact(Timeout = 90_000)]
    public async Task ACreatorThroughNginx_AndAGuestWithATabOnEachNode_HearEachOther()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tag, _) = await BrowsingSiteAsync(ct);
        var (annaToken, borisToken) = (await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct));
        await using var anna = await ClusterTogether.ConnectAsync(cluster.Balancer.BaseAddress, annaToken, ct);
        await using var borisOnA = await ClusterTogether.ConnectAsync(cluster.A, borisToken, ct);
        await using var borisOnB = await ClusterTogether.ConnectAsync(cluster.B, borisToken, ct);
        var started = await anna.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Start), tag, ct);

        await borisOnA.Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), started.SessionId, ct);
        var borisId = (await anna.Knocks.ReadSoonAsync(ct)).UserId;
        await anna.Connection.InvokeAsync(nameof(TogetherHub.Admit), started.SessionId, borisId, ct);
        await borisOnA.Admissions.ReadSoonAsync(ct);
        await borisOnB.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), started.SessionId, ct);

        await anna.Connection.InvokeAsync(nameof(TogetherHub.Say), started.SessionId, "Both tabs?", ct);
        Assert.Equal("Both tabs?", (await borisOnA.Lines.ReadSoonAsync(l => l.UserId == started.CreatorId, ct)).Text);
        Assert.Equal("Both tabs?", (await borisOnB.Lines.ReadSoonAsync(l => l.UserId == started.CreatorId, ct)).Text);
        foreach (var (tab, words) in new[] { (borisOnA, "From A"), (borisOnB, "From B") })
        {
            await tab.Connection.InvokeAsync(nameof(TogetherHub.Say), started.SessionId, words, ct);
            Assert.Equal(words, (await anna.Lines.ReadSoonAsync(l => l.UserId == borisId, ct)).Text);
        }
    }

    /// <summary>Anna starts a session on node A in a channel with browsing together on; Boris knocks on node B and she admits him.</summary>
    private async Task<JoinedSession> JoinedSessionAsync(CancellationToken ct)
    {
        var (tag, ownerToken) = await BrowsingSiteAsync(ct);
        var (annaToken, borisToken) = (await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct));
        var anna = await ClusterTogether.ConnectAsync(cluster.A, annaToken, ct);
        var boris = await ClusterTogether.ConnectAsync(cluster.B, borisToken, ct);
        var started = await anna.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Start), tag, ct);

        Assert.Equal("waiting", (await boris.Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), started.SessionId, ct)).State);
        var knock = await anna.Knocks.ReadSoonAsync(ct);
        await anna.Connection.InvokeAsync(nameof(TogetherHub.Admit), started.SessionId, knock.UserId, ct);
        var admitted = await boris.Admissions.ReadSoonAsync(ct);

        Assert.Equal([started.CreatorId, knock.UserId], admitted.Participants.Select(p => p.UserId));
        return new JoinedSession(started.SessionId, tag, ownerToken, started.CreatorId, knock.UserId, annaToken, borisToken, anna, boris);
    }

    private async Task BanAsync(JoinedSession session, long userId, CancellationToken ct)
    {
        using var onA = ClusterApi.For(cluster.A, session.OwnerToken);
        using var ban = await onA.PostAsJsonAsync($"/api/tags/{session.Tag}/bans", new BanRequest(userId, Minutes: 60, "spam"), ct);
        Assert.Equal(HttpStatusCode.NoContent, ban.StatusCode);
    }

    /// <summary>A channel claimed as a site with browsing together on, and its owner's token.</summary>
    private async Task<(string Tag, string OwnerToken)> BrowsingSiteAsync(CancellationToken ct)
    {
        var site = await ClusterSites.ClaimNewAsync(cluster, ct);
        await ClusterDatabase.TurnOnBrowseTogetherAsync(cluster, site.Tag, ct);
        return site;
    }

    private sealed record JoinedSession(
        string Id, string Tag, string OwnerToken, long AnnaId, long BorisId, string AnnaToken, string BorisToken, ClusterTogether Anna,
        ClusterTogether Boris)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Anna.DisposeAsync();
            await Boris.DisposeAsync();
        }
    }
}
