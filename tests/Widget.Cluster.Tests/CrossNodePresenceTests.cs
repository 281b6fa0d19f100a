using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Core.Presence;
using Widget.Web.Presence;
using Widget.Web.Realtime;

namespace Widget.Cluster.Tests;

public sealed class CrossNodePresenceTests(WidgetCluster cluster)
{
    private static readonly TimeSpan LeaveBound = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 90_000)]
    public async Task Presence_UserJoiningThroughNodeA_IsListedOnNodeBAndLeavesOnBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        var user = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, token, ct);
        await using var watcher = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct);
        var diffs = Diffs(watcher);
        try
        {
            var onA = (await user.JoinAsync(ct)).Presence!;
            var onB = (await watcher.JoinAsync(ct)).Presence!;

            var named = Assert.Single(onA.Users);
            Assert.Equal(onA.Users, onB.Users);
            Assert.Equal(2, onB.Count);

            await user.DisposeAsync();
            await WaitForLeaveAsync(diffs, named.Id, ct);
            await using var lateOnA = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, token: null, ct);
            var afterOnA = (await lateOnA.JoinAsync(ct)).Presence!;
            Assert.Empty(afterOnA.Users);
            Assert.Equal(2, afterOnA.Count);
        }
        finally
        {
            await user.DisposeAsync();
        }
    }

    /// <summary>A SIGKILLed node says nothing; its viewers drop out once its heartbeat key expires (Redis:NodeTimeout, 15 s).</summary>
    [Fact(Timeout = 120_000)]
    public async Task Presence_NodeKilled_ItsUsersDropOutWithinTheNodeTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        var user = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, token, ct);
        try
        {
            var named = Assert.Single((await user.JoinAsync(ct)).Presence!.Users);
            await using (var before = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct))
            {
                Assert.Contains(named, (await before.JoinAsync(ct)).Presence!.Users);
            }

            await cluster.A.KillAsync();
            var deadline = DateTime.UtcNow + LeaveBound;
            ChannelPresence here;
            do
            {
                await Task.Delay(500, ct);
                await using var probe = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct);
                here = (await probe.JoinAsync(ct)).Presence!;
            }
            while (here.Users.Contains(named) && DateTime.UtcNow < deadline);

            Assert.DoesNotContain(named, here.Users);
        }
        finally
        {
            await user.DisposeAsync();
            if (!cluster.A.IsRunning)
            {
                await cluster.A.StartAsync(ct);
            }
        }
    }

    private static ChannelReader<PresenceDiff> Diffs(ClusterViewer viewer)
    {
        var diffs = Channel.CreateUnbounded<PresenceDiff>();
        viewer.Connection.On<PresenceDiff>(nameof(ILiveClient.PresenceChanged), d => diffs.Writer.TryWrite(d));
        return diffs.Reader;
    }

    private static async Task WaitForLeaveAsync(ChannelReader<PresenceDiff> diffs, long userId, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(LeaveBound);
        while (!(await diffs.ReadAsync(bounded.Token)).Left.Contains(userId))
        {
        }
    }
}
