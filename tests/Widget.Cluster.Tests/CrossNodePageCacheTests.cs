using Widget.Cluster.Tests.Infrastructure;

namespace Widget.Cluster.Tests;

/// <summary>Each node keeps its own rendered widget pages; a change made on one node drops them on every node.</summary>
public sealed class CrossNodePageCacheTests(WidgetCluster cluster)
{
    [Fact(Timeout = 60_000)]
    public async Task Page_CachedOnNodeB_ShowsAPostMadeOnNodeA_OnceThePostHasArrivedLiveOnB()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        await using var writer = await ClusterViewer.ConnectAsync(cluster.A.BaseAddress, tag, token, ct);
        await using var viewer = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token: null, ct);
        await viewer.JoinAsync(ct);
        using var pages = new HttpClient { BaseAddress = cluster.B.BaseAddress };
        Assert.DoesNotContain("made on A", await pages.GetStringAsync($"/w/{tag}", ct), StringComparison.Ordinal);

        await writer.PostAsync("made on A", Guid.NewGuid(), ct);
        await viewer.NextLiveAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Contains("made on A", await pages.GetStringAsync($"/w/{tag}", ct), StringComparison.Ordinal);
    }
}
