using Widget.Cluster.Tests.Infrastructure;

namespace Widget.Cluster.Tests;

public sealed class RedisOutageTests(WidgetCluster cluster)
{
    /// <summary>
    /// Redis is killed while viewers on both nodes watch: nodes report Degraded and keep accepting
    /// posts, which are stored. Once Redis is back, the next live post shows the viewer on the other
    /// node a gap in seqs, and joining from its last seq (what widget.js does) fills it.
    /// </summary>
    [Fact(Timeout = 90_000)]
    public async Task Redis_StoppedAndStartedAgain_PostsAreStoredMeanwhileAndViewersCatchUp()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        await using var writer = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, token, ct);
        await using var remote = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct);
        await remote.JoinAsync(ct);
        var accepted = new List<long> { (await writer.PostAsync("before", Guid.NewGuid(), ct)).Post.Id };
        await remote.WaitToShowAsync(accepted, TimeSpan.FromSeconds(10), ct);

        try
        {
            await cluster.Redis.StopAsync();
            await cluster.A.WaitForCheckAsync("redis", "Degraded", TimeSpan.FromSeconds(15), ct);
            Assert.Equal("Degraded", (await cluster.B.ReadinessAsync(ct)).GetProperty("status").GetString());
            for (var i = 0; i < 3; i++)
            {
                accepted.Add((await writer.PostAsync($"while Redis is down {i}", Guid.NewGuid(), ct)).Post.Id);
            }
        }
        finally
        {
            if (cluster.Redis.Pid is null)
            {
                await cluster.Redis.StartAgainAsync(ct);
            }
        }

        foreach (var node in cluster.Nodes)
        {
            await node.WaitForCheckAsync("redis", "Healthy", TimeSpan.FromSeconds(30), ct);
        }

        // The backplane resubscribes shortly after the connection is back; a post sent before that is
        // stored and caught up like the ones above, so keep posting until one arrives live.
        var outage = accepted[1..4];
        await PostUntilOneArrivesLiveAsync(writer, remote, accepted, ct);
        Assert.DoesNotContain(outage[0], remote.ShownIds);
        await remote.JoinAsync(ct);

        Assert.Equal(accepted, remote.ShownIds);
        Assert.All(remote.LiveCounts.Values, count => Assert.Equal(1, count));
    }

    /// <summary>
    /// A viewer connects and joins node B while Redis is down: both are accepted, and posts written on B reach
    /// it at once. When Redis is back, B closes that connection (it has no Redis subscriptions); reconnecting
    /// and joining from its last seq brings the posts written on A meanwhile, and A's posts arrive live again.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task Redis_Down_NewConnectionIsServedLocallyAndAfterItsForcedReconnectMissesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        await using var writerOnA = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, token, ct);
        await using var writerOnB = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token, ct);
        var accepted = new List<long> { (await writerOnA.PostAsync("before", Guid.NewGuid(), ct)).Post.Id };
        ClusterViewer? first = null;
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await cluster.Redis.StopAsync();
            await cluster.B.WaitForCheckAsync("redis", "Degraded", TimeSpan.FromSeconds(15), ct);
            await cluster.A.WaitForCheckAsync("redis", "Degraded", TimeSpan.FromSeconds(15), ct);
            first = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct);
            first.Connection.Closed += _ => Task.FromResult(closed.TrySetResult());
            await first.JoinAsync(ct);
            Assert.Equal(accepted, first.ShownIds);

            accepted.Add((await writerOnB.PostAsync("on B while Redis is down", Guid.NewGuid(), ct)).Post.Id);
            Assert.Equal(accepted[^1], (await first.NextLiveAsync(TimeSpan.FromSeconds(10), ct)).Post.Id);
            for (var i = 0; i < 3; i++)
            {
                accepted.Add((await writerOnA.PostAsync($"on A while Redis is down {i}", Guid.NewGuid(), ct)).Post.Id);
            }
        }
        finally
        {
            if (cluster.Redis.Pid is null)
            {
                await cluster.Redis.StartAgainAsync(ct);
            }
        }

        await using (first)
        {
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            foreach (var node in cluster.Nodes)
            {
                await node.WaitForCheckAsync("redis", "Healthy", TimeSpan.FromSeconds(30), ct, timesInARow: 3);
            }

            await using var again = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct);
            again.Remember(first);
            var catchUp = await again.JoinAsync(ct);
            Assert.False(catchUp.Reset);
            Assert.Equal(accepted, again.ShownIds);

            await PostUntilOneArrivesLiveAsync(writerOnA, again, accepted, ct);
            await again.JoinAsync(ct);
            Assert.Equal(accepted, again.ShownIds);
            Assert.All(again.LiveCounts.Values, count => Assert.Equal(1, count));
            Assert.All(first.LiveCounts.Values, count => Assert.Equal(1, count));
        }
    }

    private static async Task<Web.Realtime.PostEvent> PostUntilOneArrivesLiveAsync(
        ClusterViewer writer, ClusterViewer remote, List<long> accepted, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            accepted.Add((await writer.PostAsync($"after {attempt}", Guid.NewGuid(), ct)).Post.Id);
            try
            {
                return await remote.NextLiveAsync(TimeSpan.FromSeconds(1), ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }

        throw new TimeoutException("No post reached the other node live after Redis came back.");
    }
}
