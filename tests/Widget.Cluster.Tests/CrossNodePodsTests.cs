using Microsoft.AspNetCore.SignalR.Client;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Together;

namespace Widget.Cluster.Tests;

/// <summary>Pods of a page whose visitors' widgets are connected to different nodes.</summary>
public sealed class CrossNodePodsTests(WidgetCluster cluster)
{
    private static readonly CursorPosition OnTheButton = new("#order/2", 0.25, 0.5);

    [Fact(Timeout = 90_000)]
    public async Task APodShownOnNodeA_IsSeenByAnAnonymousVisitorOfThatPageOnNodeB_AndNotOnAnotherPage_AndItsLeavingToo()
    {
        var ct = TestContext.Current.CancellationToken;
        var (tag, _) = await ClusterSites.ClaimNewAsync(cluster, ct);
        await ClusterDatabase.TurnOnShowVisitorsAsync(cluster, tag, ct);
        await using var anna = await ClusterTogether.ConnectAsync(cluster.A, await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct), ct);
        await using var reader = await ClusterTogether.ConnectAsync(cluster.B, null, ct);
        await using var elsewhere = await ClusterTogether.ConnectAsync(cluster.B, null, ct);
        await reader.Connection.InvokeAsync(nameof(TogetherHub.WatchPage), tag, "/shop?sort=price", ct);
        await elsewhere.Connection.InvokeAsync(nameof(TogetherHub.WatchPage), tag, "/about", ct);
        await anna.Connection.InvokeAsync(nameof(TogetherHub.WatchPage), tag, "/shop", ct);
        await anna.Connection.InvokeAsync(nameof(TogetherHub.ShowMe), true, ct);

        await anna.Connection.InvokeAsync(nameof(TogetherHub.MovePod), OnTheButton, ct);
        var batch = await reader.Pods.ReadSoonAsync(ct);

        Assert.Equal("/shop", batch.Path);
        var pod = Assert.Single(batch.Pods);
        Assert.Equal(OnTheButton, pod.Position);
        await anna.Connection.InvokeAsync(nameof(TogetherHub.ShowMe), false, ct);
        Assert.Equal(pod.UserId, await reader.PodsGone.ReadSoonAsync(ct));
        Assert.False(elsewhere.Pods.Reader.TryRead(out _));
        Assert.False(elsewhere.PodsGone.Reader.TryRead(out _));
    }
}
