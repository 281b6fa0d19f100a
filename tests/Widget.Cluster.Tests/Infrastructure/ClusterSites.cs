using System.Net;

namespace Widget.Cluster.Tests.Infrastructure;

internal static class ClusterSites
{
    /// <summary>A new channel claimed as a site through node A, and its owner's token.</summary>
    public static async Task<(string Tag, string OwnerToken)> ClaimNewAsync(WidgetCluster cluster, CancellationToken ct)
    {
        var tag = ClusterTags.New();
        var ownerToken = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        using var onA = ClusterApi.For(cluster.A, ownerToken);
        using var claim = await onA.PostAsync($"/api/tags/{tag}/site", null, ct);
        Assert.Equal(HttpStatusCode.Created, claim.StatusCode);
        return (tag, ownerToken);
    }
}
