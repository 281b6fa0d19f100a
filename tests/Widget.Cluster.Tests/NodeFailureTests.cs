using Widget.Cluster.Tests.Infrastructure;

namespace Widget.Cluster.Tests;

public sealed class NodeFailureTests(WidgetCluster cluster)
{
    /// <summary>
    /// A viewer reaches a node through nginx while another node keeps posting; its node is killed with
    /// SIGKILL. The viewer reconnects through nginx (which now sends it to the surviving node), joins
    /// from the last seq it showed, and ends up showing every post exactly once.
    /// </summary>
    [Fact(Timeout = 90_000)]
    public async Task Node_KilledMidStream_ItsViewersReconnectThroughNginxAndMissNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        var viewed = await ViewedNodeAsync(ct);
        var survivor = cluster.Nodes.Single(n => n != viewed);
        await using var writer = await ClusterViewer.ConnectAsync(survivor.BaseAddress, tag, token, ct);
        var first = await ClusterViewer.ConnectAsync(cluster.Balancer.BaseAddress, tag, token: null, ct);
        await first.JoinAsync(ct);

        var accepted = new List<long>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                accepted.Add((await writer.PostAsync($"before {i}", Guid.NewGuid(), ct)).Post.Id);
            }

            await first.WaitToShowAsync(accepted, TimeSpan.FromSeconds(10), ct);
            await viewed.KillAsync();
            for (var i = 0; i < 5; i++)
            {
                accepted.Add((await writer.PostAsync($"while down {i}", Guid.NewGuid(), ct)).Post.Id);
            }

            await using var again = await ClusterViewer.ConnectAsync(cluster.Balancer.BaseAddress, tag, token: null, ct);
            again.Remember(first);
            var catchUp = await again.JoinAsync(ct);
            for (var i = 0; i < 5; i++)
            {
                accepted.Add((await writer.PostAsync($"after {i}", Guid.NewGuid(), ct)).Post.Id);
            }

            await again.WaitToShowAsync(accepted, TimeSpan.FromSeconds(10), ct);

            Assert.False(catchUp.Reset);
            Assert.Equal(accepted, again.ShownIds);
            Assert.All(again.LiveCounts.Values, count => Assert.Equal(1, count));
            Assert.All(first.LiveCounts.Values, count => Assert.Equal(1, count));
        }
        finally
        {
            await first.DisposeAsync();
            if (!viewed.IsRunning)
            {
                await viewed.StartAsync(ct);
            }
        }
    }

    /// <summary>nginx names the node it used in a header; the same client address keeps that node.</summary>
    private async Task<WidgetNode> ViewedNodeAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = cluster.Balancer.BaseAddress };
        using var response = await client.GetAsync("/health/live", ct);
        var upstream = response.Headers.GetValues("X-Widget-Upstream").Single();
        return cluster.NodeAt(new Uri("http://" + upstream).Port);
    }
}
