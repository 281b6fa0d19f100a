using Widget.Cluster.Tests.Infrastructure;

namespace Widget.Cluster.Tests;

public sealed class CrossNodeTests(WidgetCluster cluster)
{
    [Fact(Timeout = 60_000)]
    public async Task Post_OnNodeA_ReachesAViewerOnNodeB()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        await using var writer = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, token, ct);
        await using var viewer = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct);
        await viewer.JoinAsync(ct);

        var posted = await writer.PostAsync("from A", Guid.NewGuid(), ct);
        var received = await viewer.NextLiveAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal(posted.Post.Id, received.Post.Id);
        Assert.Equal(tag, received.Tag);
    }
}
