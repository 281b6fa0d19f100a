using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Testing;
using Widget.Web.Realtime;

namespace Widget.Cluster.Tests;

public sealed class PostgresRestartTests(WidgetCluster cluster)
{
    /// <summary>
    /// Postgres goes down between posts: the HTTP API answers 503 with Retry-After and the hub a
    /// clear "try again"; once it is back the same client ids are retried, and every post is stored
    /// exactly once, with its tag's seqs gap-free (nothing half-stored).
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task Postgres_RestartedDuringPosting_PostingSaysTryAgainThenWorksAndNothingIsHalfStored()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.SkipWhen(Environment.GetEnvironmentVariable(PostgresServer.ExternalServerVariable) is { Length: > 0 },
            "The Postgres server is not this run's to restart.");
        var tag = ClusterTags.New();
        var token = await ClusterSignIn.TokenAsync(cluster.Balancer.BaseAddress, ct);
        using var api = new HttpClient { BaseAddress = cluster.Balancer.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var hubWriter = await ClusterViewer.ConnectAsync(cluster.B.BaseAddress, tag, token, ct);
        var clientIds = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();

        using (var before = await PostAsync(api, tag, clientIds[0], ct))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        HttpResponseMessage? refused = null;
        HubException? hubRefusal = null;
        try
        {
            await cluster.Postgres.StopAsync(ct);
            refused = await PostAsync(api, tag, clientIds[1], ct);
            hubRefusal = await Assert.ThrowsAsync<HubException>(() => hubWriter.PostAsync("over the hub", clientIds[2], ct));
        }
        finally
        {
            await cluster.Postgres.StartAgainAsync(ct);
        }

        // Each node's pool still holds connections the restart cut; each fails once when next used
        // (answered 503, see above). Readiness uses them up, so later tests start clean.
        foreach (var node in cluster.Nodes)
        {
            await node.WaitForCheckAsync("postgres", "Healthy", TimeSpan.FromSeconds(30), ct, timesInARow: 5);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains(TransientErrorHubFilter.Message, hubRefusal.Message, StringComparison.Ordinal);
        refused.Dispose();

        // The widget retries with the same client ids; a pooled connection broken by the restart may
        // fail one more attempt, so retry for a bounded while as it would.
        foreach (var clientId in clientIds[1..2].Concat(clientIds[3..]))
        {
            await RetryUntilStoredAsync(api, tag, clientId, ct);
        }

        await RetryHubUntilStoredAsync(hubWriter, clientIds[2], ct);
        using (var replay = await PostAsync(api, tag, clientIds[1], ct))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        var page = await api.GetFromJsonAsync<JsonElement>($"/api/tags/{tag}/posts?after=0&limit=100", ct);
        var items = page.GetProperty("posts").EnumerateArray().ToArray();
        Assert.Equal(4, items.Length);
        Assert.Equal([1L, 2L, 3L, 4L], items.Select(i => i.GetProperty("seq").GetInt64()));
        Assert.Equal(4, items.Select(i => i.GetProperty("post").GetProperty("id").GetInt64()).Distinct().Count());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient api, string tag, Guid clientId, CancellationToken ct) =>
        api.PostAsJsonAsync($"/api/tags/{tag}/posts", new { clientId, text = "post " + clientId }, ct);

    private static async Task RetryUntilStoredAsync(HttpClient api, string tag, Guid clientId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            using var response = await PostAsync(api, tag, clientId, ct);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(250, ct);
        }

        Assert.Fail("Posting never worked again after Postgres came back.");
    }

    private static async Task RetryHubUntilStoredAsync(ClusterViewer writer, Guid clientId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            try
            {
                await writer.PostAsync("over the hub", clientId, ct);
                return;
            }
            catch (HubException e) when (e.Message.Contains(TransientErrorHubFilter.Message, StringComparison.Ordinal))
            {
                await Task.Delay(250, ct);
            }
        }

        Assert.Fail("Posting over the hub never worked again after Postgres came back.");
    }
}
