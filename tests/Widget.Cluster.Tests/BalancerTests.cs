using System.Net;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Web.Realtime;

namespace Widget.Cluster.Tests;

public sealed class BalancerTests(WidgetCluster cluster)
{
    /// <summary>The Host header passes through nginx unchanged, so the hub's Origin check still knows its own site.</summary>
    [Fact(Timeout = 30_000)]
    public async Task Negotiate_ThroughNginxFromTheWidgetsOwnOrigin_IsAcceptedAndFromAnotherRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var own = cluster.Balancer.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var accepted = await NegotiateAsync(own, ct);
        using var refused = await NegotiateAsync("http://127.0.0.1:1", ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Metrics_AreServedByTheNodeButNotPassedOnByNginx()
    {
        var ct = TestContext.Current.CancellationToken;
        using var direct = new HttpClient { BaseAddress = cluster.A.BaseAddress };
        using var proxied = new HttpClient { BaseAddress = cluster.Balancer.BaseAddress };

        using var fromNode = await direct.GetAsync("/metrics", ct);
        using var fromBalancer = await proxied.GetAsync("/metrics", ct);

        Assert.Equal(HttpStatusCode.OK, fromNode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromBalancer.StatusCode);
    }

    private async Task<HttpResponseMessage> NegotiateAsync(string origin, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = cluster.Balancer.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, LiveHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request, ct);
    }
}
