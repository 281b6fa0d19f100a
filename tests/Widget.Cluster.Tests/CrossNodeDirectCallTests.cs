using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Calls;

namespace Widget.Cluster.Tests;

public sealed class CrossNodeDirectCallTests(WidgetCluster cluster)
{
    [Fact(Timeout = 90_000)]
    public async Task ARing_FromNodeA_IsAnsweredOnNodeB_AndBothSignalInTheirRoom()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = await CallChannelAsync(ct);
        var (annaToken, borisToken) = (await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct));
        await using var annaHere = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, annaToken, ct);
        var anna = Assert.Single((await annaHere.JoinAsync(ct)).Presence!.Users);
        await using var borisHere = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, borisToken, ct);
        var boris = Assert.Single((await borisHere.JoinAsync(ct)).Presence!.Users, u => u.Id != anna.Id);
        await using var annaCall = await ConnectAsync(cluster.A, annaToken, ct);
        await using var borisCall = await ConnectAsync(cluster.B, borisToken, ct);
        var rings = Channel.CreateUnbounded<RingEvent>();
        var answers = Channel.CreateUnbounded<RingAnsweredEvent>();
        var descriptions = Channel.CreateUnbounded<DescriptionEvent>();
        borisCall.On<RingEvent>(nameof(ICallClient.Ringing), e => rings.Writer.TryWrite(e));
        borisCall.On<DescriptionEvent>(nameof(ICallClient.Description), e => descriptions.Writer.TryWrite(e));
        annaCall.On<RingAnsweredEvent>(nameof(ICallClient.RingAnswered), e => answers.Writer.TryWrite(e));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        var started = await annaCall.InvokeAsync<RingStarted>(nameof(CallHub.Ring), tag, boris.Id, ct);
        var ring = await rings.Reader.ReadAsync(timeout.Token);
        var borisJoined = await borisCall.InvokeAsync<CallJoined?>(nameof(CallHub.AnswerRing), ring.RingId, true, ct);
        Assert.True((await answers.Reader.ReadAsync(timeout.Token)).Accepted);
        var annaJoined = await annaCall.InvokeAsync<CallJoined>(nameof(CallHub.JoinDirect), started.RingId, ct);
        await annaCall.InvokeAsync(nameof(CallHub.SendDescription), borisJoined!.Self, new SessionDescription("offer", "v=0 from node A"), ct);

        Assert.Equal((started.RingId, anna.Id), (ring.RingId, ring.CallerId));
        Assert.Equal(borisJoined.Roster.Tag, annaJoined.Roster.Tag);
        Assert.Equal(2, annaJoined.Roster.Members.Count);
        Assert.Equal(annaJoined.Self, (await descriptions.Reader.ReadAsync(timeout.Token)).From);
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

    private static async Task<HubConnection> ConnectAsync(WidgetNode node, string token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, CallHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync(ct);
        return connection;
    }
}
