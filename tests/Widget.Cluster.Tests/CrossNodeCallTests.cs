using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Calls;

namespace Widget.Cluster.Tests;

public sealed class CrossNodeCallTests(WidgetCluster cluster)
{
    [Fact(Timeout = 90_000)]
    public async Task TwoParticipantsOnTwoNodes_SeeEachOther_AndSignal_WhileANonMemberCannot()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = await CallChannelAsync(ct);
        var annaRosters = Channel.CreateUnbounded<CallRoster>();
        var annaDescriptions = Channel.CreateUnbounded<DescriptionEvent>();
        var borisCandidates = Channel.CreateUnbounded<CandidateEvent>();
        await using var anna = await ConnectAsync(cluster.A, ct);
        await using var boris = await ConnectAsync(cluster.B, ct);
        await using var eve = await ConnectAsync(cluster.B, ct);
        anna.On<CallRoster>(nameof(ICallClient.CallChanged), r => annaRosters.Writer.TryWrite(r));
        anna.On<DescriptionEvent>(nameof(ICallClient.Description), e => annaDescriptions.Writer.TryWrite(e));
        boris.On<CandidateEvent>(nameof(ICallClient.Candidate), e => borisCandidates.Writer.TryWrite(e));

        var annaJoined = await anna.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);
        var borisJoined = await boris.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);

        Assert.Equal([annaJoined.Self, borisJoined.Self], borisJoined.Roster.Members.Select(m => m.ConnectionId));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await NextRosterAsync(annaRosters, r => r.Members.Any(m => m.ConnectionId == borisJoined.Self), timeout.Token);
        var watched = await eve.InvokeAsync<CallRoster>(nameof(CallHub.Watch), tag, ct);
        Assert.Equal(2, watched.Members.Count);

        var offer = new SessionDescription("offer", "v=0 offer from node B");
        await boris.InvokeAsync(nameof(CallHub.SendDescription), annaJoined.Self, offer, ct);
        var arrived = await annaDescriptions.Reader.ReadAsync(timeout.Token);
        Assert.Equal(borisJoined.Self, arrived.From);
        Assert.Equal(offer, arrived.Description);

        var candidate = new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0", 0);
        await anna.InvokeAsync(nameof(CallHub.SendCandidate), borisJoined.Self, candidate, ct);
        Assert.Equal(annaJoined.Self, (await borisCandidates.Reader.ReadAsync(timeout.Token)).From);

        await Assert.ThrowsAsync<HubException>(() => eve.InvokeAsync(nameof(CallHub.SendDescription), annaJoined.Self, offer, ct));
        await Assert.ThrowsAsync<HubException>(() => anna.InvokeAsync(nameof(CallHub.SendDescription), "not-a-member", offer, ct));

        await boris.InvokeAsync(nameof(CallHub.Leave), ct);
        await NextRosterAsync(annaRosters, r => r.Members.Count == 1, timeout.Token);
        await Assert.ThrowsAsync<HubException>(() => anna.InvokeAsync(nameof(CallHub.SendDescription), borisJoined.Self, offer, ct));
    }

    [Fact(Timeout = 90_000)]
    public async Task TheCap_HoldsOverBothNodes()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = await CallChannelAsync(ct);
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var connection = await ConnectAsync(i % 2 == 0 ? cluster.A : cluster.B, ct);
                connections.Add(connection);
                await connection.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);
            }

            var fifth = await ConnectAsync(cluster.B, ct);
            connections.Add(fifth);
            var refusal = await Assert.ThrowsAsync<HubException>(() => fifth.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct));
            Assert.Contains("full", refusal.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>A SIGKILLed node says nothing; its members leave the call once its heartbeat key expires (Redis:NodeTimeout, 15 s).</summary>
    [Fact(Timeout = 120_000)]
    public async Task Members_OfAKilledNode_LeaveTheCallWithinTheNodeTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = await CallChannelAsync(ct);
        await using var anna = await ConnectAsync(cluster.A, ct);
        var boris = await ConnectAsync(cluster.B, ct);
        try
        {
            var annaJoined = await anna.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);
            var borisJoined = await boris.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);
            Assert.Equal(2, borisJoined.Roster.Members.Count);

            await cluster.B.KillAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            CallRoster roster;
            do
            {
                await Task.Delay(500, ct);
                roster = await anna.InvokeAsync<CallRoster>(nameof(CallHub.Watch), tag, ct);
            }
            while (roster.Members.Count > 1 && DateTime.UtcNow < deadline);

            Assert.Equal([annaJoined.Self], roster.Members.Select(m => m.ConnectionId));
            await Assert.ThrowsAsync<HubException>(() =>
                anna.InvokeAsync(nameof(CallHub.SendDescription), borisJoined.Self, new SessionDescription("offer", "v=0"), ct));
        }
        finally
        {
            await boris.DisposeAsync();
            if (!cluster.B.IsRunning)
            {
                await cluster.B.StartAsync(ct);
            }
        }
    }

    private async Task<string> CallChannelAsync(CancellationToken ct)
    {
        var tag = ClusterTags.New();
        var ownerToken = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        using var onA = ClusterApi.For(cluster.A, ownerToken);
        using (var claim = await onA.PostAsync($"/api/tags/{tag}/site", null, ct))
        {
            Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        }

        await ClusterDatabase.TurnOnCallsAsync(cluster, tag, ct);
        return tag;
    }

    private static async Task<CallRoster> NextRosterAsync(Channel<CallRoster> rosters, Func<CallRoster, bool> wanted, CancellationToken ct)
    {
        CallRoster roster;
        do
        {
            roster = await rosters.Reader.ReadAsync(ct);
        }
        while (!wanted(roster));

        return roster;
    }

    private async Task<HubConnection> ConnectAsync(WidgetNode node, CancellationToken ct)
    {
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        return await ClusterCallHub.ConnectAsync(node, token, ct);
    }
}
