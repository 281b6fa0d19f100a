using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Calls;
using Widget.Web.Moderation;

namespace Widget.Cluster.Tests;

public sealed class CrossNodeDirectCallTests(WidgetCluster cluster)
{
    [Fact(Timeout = 90_000)]
    public async Task ARing_FromNodeA_IsAnsweredOnNodeB_AndBothSignalInTheirRoom()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await DirectCallAsync(ct);
        var descriptions = Channel.CreateUnbounded<DescriptionEvent>();
        call.Boris.On<DescriptionEvent>(nameof(ICallClient.Description), e => descriptions.Writer.TryWrite(e));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        await call.Anna.InvokeAsync(nameof(CallHub.SendDescription), call.BorisJoined.Self, new SessionDescription("offer", "v=0 from node A"), ct);

        Assert.Equal((call.Started.RingId, call.AnnaId), (call.Ring.RingId, call.Ring.CallerId));
        Assert.Equal(call.BorisJoined.Roster.Tag, call.AnnaJoined.Roster.Tag);
        Assert.Equal(2, call.AnnaJoined.Roster.Members.Count);
        Assert.Equal(call.AnnaJoined.Self, (await descriptions.Reader.ReadAsync(timeout.Token)).From);
    }

    [Fact(Timeout = 90_000)]
    public async Task Ban_OnNodeA_EndsTheDirectCallOfTheUserOnNodeB_AndTheirSignalsAreRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var call = await DirectCallAsync(ct);
        var removals = Channel.CreateUnbounded<CallRemovedEvent>();
        var rosters = Channel.CreateUnbounded<CallRoster>();
        call.Boris.On<CallRemovedEvent>(nameof(ICallClient.Removed), e => removals.Writer.TryWrite(e));
        call.Anna.On<CallRoster>(nameof(ICallClient.CallChanged), r => rosters.Writer.TryWrite(r));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        using (var onA = ClusterApi.For(cluster.A, call.OwnerToken))
        using (var ban = await onA.PostAsJsonAsync($"/api/tags/{call.Tag}/bans", new BanRequest(call.BorisId, Minutes: 60, "spam"), ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, ban.StatusCode);
        }

        var removal = await removals.Reader.ReadAsync(timeout.Token);
        Assert.Contains("banned", removal.Message, StringComparison.Ordinal);
        CallRoster roster;
        do
        {
            roster = await rosters.Reader.ReadAsync(timeout.Token);
        }
        while (roster.Members.Any(m => m.UserId == call.BorisId));

        Assert.Equal(call.AnnaJoined.Roster.Tag, roster.Tag);
        await Assert.ThrowsAsync<HubException>(() =>
            call.Boris.InvokeAsync(nameof(CallHub.SendDescription), call.AnnaJoined.Self, new SessionDescription("offer", "v=0 after the ban"), ct));
    }

    /// <summary>Anna, connected to node A, rings Boris, connected to node B, in a channel with calls on; he accepts and both are in their room.</summary>
    private async Task<DirectCall> DirectCallAsync(CancellationToken ct)
    {
        var (tag, ownerToken) = await CallChannelAsync(ct);
        var (annaToken, borisToken) = (await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct));
        var annaHere = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, annaToken, ct);
        var anna = Assert.Single((await annaHere.JoinAsync(ct)).Presence!.Users);
        var borisHere = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, borisToken, ct);
        var boris = Assert.Single((await borisHere.JoinAsync(ct)).Presence!.Users, u => u.Id != anna.Id);
        var annaCall = await ClusterCallHub.ConnectAsync(cluster.A, annaToken, ct);
        var borisCall = await ClusterCallHub.ConnectAsync(cluster.B, borisToken, ct);
        var rings = Channel.CreateUnbounded<RingEvent>();
        var answers = Channel.CreateUnbounded<RingAnsweredEvent>();
        borisCall.On<RingEvent>(nameof(ICallClient.Ringing), e => rings.Writer.TryWrite(e));
        annaCall.On<RingAnsweredEvent>(nameof(ICallClient.RingAnswered), e => answers.Writer.TryWrite(e));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        var started = await annaCall.InvokeAsync<RingStarted>(nameof(CallHub.Ring), tag, boris.Id, ct);
        var ring = await rings.Reader.ReadAsync(timeout.Token);
        var borisJoined = await borisCall.InvokeAsync<CallJoined?>(nameof(CallHub.AnswerRing), ring.RingId, true, ct);
        Assert.True((await answers.Reader.ReadAsync(timeout.Token)).Accepted);
        var annaJoined = await annaCall.InvokeAsync<CallJoined>(nameof(CallHub.JoinDirect), started.RingId, ct);
        return new DirectCall(tag, ownerToken, anna.Id, boris.Id, annaHere, borisHere, annaCall, borisCall, started, ring, annaJoined, borisJoined!);
    }

    private async Task<(string Tag, string OwnerToken)> CallChannelAsync(CancellationToken ct)
    {
        var tag = ClusterTags.New();
        var ownerToken = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        using var onA = ClusterApi.For(cluster.A, ownerToken);
        using (var claim = await onA.PostAsync($"/api/tags/{tag}/site", null, ct))
        {
            Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        }

        await ClusterDatabase.TurnOnCallsAsync(cluster, tag, ct);
        return (tag, ownerToken);
    }

    private sealed record DirectCall(
        string Tag, string OwnerToken, long AnnaId, long BorisId, ClusterViewer AnnaHere, ClusterViewer BorisHere,
        HubConnection Anna, HubConnection Boris, RingStarted Started, RingEvent Ring, CallJoined AnnaJoined, CallJoined BorisJoined)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Anna.DisposeAsync();
            await Boris.DisposeAsync();
            await AnnaHere.DisposeAsync();
            await BorisHere.DisposeAsync();
        }
    }
}
