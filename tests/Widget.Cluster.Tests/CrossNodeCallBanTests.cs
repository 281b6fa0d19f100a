using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Calls;
using Widget.Web.Moderation;

namespace Widget.Cluster.Tests;

public sealed class CrossNodeCallBanTests(WidgetCluster cluster)
{
    [Fact(Timeout = 90_000)]
    public async Task Ban_OnNodeB_TakesTheUserOutOfACallHeldOnNodeA()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var ownerToken = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        using var onB = ClusterApi.For(cluster.B, ownerToken);
        using (var claim = await onB.PostAsync($"/api/tags/{tag}/site", null, ct))
        {
            Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        }

        await ClusterDatabase.TurnOnCallsAsync(cluster, tag, ct);
        var removals = Channel.CreateUnbounded<CallRemovedEvent>();
        var rosters = Channel.CreateUnbounded<CallRoster>();
        await using var anna = await ConnectOnAAsync(ct);
        await using var troll = await ConnectOnAAsync(ct);
        anna.On<CallRoster>(nameof(ICallClient.CallChanged), r => rosters.Writer.TryWrite(r));
        troll.On<CallRemovedEvent>(nameof(ICallClient.Removed), e => removals.Writer.TryWrite(e));
        await anna.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);
        var joined = await troll.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);
        var trollId = joined.Roster.Members.Single(m => m.ConnectionId == joined.Self).UserId;

        using (var ban = await onB.PostAsJsonAsync($"/api/tags/{tag}/bans", new BanRequest(trollId, Minutes: 60, "spam"), ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, ban.StatusCode);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var removal = await removals.Reader.ReadAsync(timeout.Token);
        Assert.Equal(tag, removal.Tag);
        Assert.Contains("banned", removal.Message, StringComparison.Ordinal);
        CallRoster roster;
        do
        {
            roster = await rosters.Reader.ReadAsync(timeout.Token);
        }
        while (roster.Members.Any(m => m.UserId == trollId));

        Assert.Single(roster.Members);
    }

    private async Task<HubConnection> ConnectOnAAsync(CancellationToken ct)
    {
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.A.BaseAddress, CallHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync(ct);
        return connection;
    }
}
