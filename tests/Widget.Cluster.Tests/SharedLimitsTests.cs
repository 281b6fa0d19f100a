using System.Net;
using System.Net.Http.Json;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Testing;
using Widget.Web.Posting;

namespace Widget.Cluster.Tests;

public sealed class SharedLimitsTests(WidgetCluster cluster)
{
    private const int Burst = 4;

    /// <summary>
    /// Two nodes of their own with a small burst and a slow refill (the shared ones allow a thousand): one
    /// user posting on one node and another alternating between both are stopped after the same count.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task RateLimit_PostsAlternatingBetweenNodes_HitTheLimitAtTheSameTotalAsOnOneNode()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = new Dictionary<string, string>(cluster.NodeEnvironment)
        {
            ["Posting__RateLimitBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Posting__RateLimitPeriod"] = "00:10:00",
        };
        await using var c = new WidgetNode("C", FreePort.Next(), environment);
        await using var d = new WidgetNode("D", FreePort.Next(), environment);
        await c.StartAsync(ct);
        await d.StartAsync(ct);
        var tag = ClusterTags.New();
        var alone = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        var roaming = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);

        var onOneNode = await AcceptedBeforeRefusalAsync([c], alone, tag, ct);
        var alternating = await AcceptedBeforeRefusalAsync([c, d], roaming, tag, ct);

        Assert.Equal(Burst, onOneNode);
        Assert.Equal(onOneNode, alternating);
    }

    /// <summary>Slow mode is read from Postgres (the user's last post in the channel), so a second node does not reset it.</summary>
    [Fact(Timeout = 60_000)]
    public async Task SlowMode_PostOnNodeAThenNodeB_IsRefusedOnB()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        await ClusterDatabase.SetSlowModeAsync(cluster, tag, 600, ct);
        using var onA = ClusterApi.For(cluster.A, token);
        using var onB = ClusterApi.For(cluster.B, token);

        using var first = await PostAsync(onA, tag, ct);
        using var second = await PostAsync(onB, tag, ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("slow mode", await second.Content.ReadAsStringAsync(ct), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<int> AcceptedBeforeRefusalAsync(IReadOnlyList<WidgetNode> nodes, string token, string tag, CancellationToken ct)
    {
        var clients = nodes.Select(n => ClusterApi.For(n, token)).ToArray();
        try
        {
            for (var accepted = 0; accepted <= Burst * 2; accepted++)
            {
                using var response = await PostAsync(clients[accepted % clients.Length], tag, ct);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    return accepted;
                }

                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }

            return int.MaxValue;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string tag, CancellationToken ct) =>
        client.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "hello"), ct);
}
