using System.Net;
using System.Text.Json;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class HealthAndMetricsTests(WidgetApp app)
{
    [Fact]
    public async Task Live_WhenTheProcessRuns_IsHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health/live", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusAsync(response, ct));
    }

    [Fact]
    public async Task Ready_OnOneNodeWithoutRedis_ChecksOnlyPostgres()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/health/ready", ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToArray();
        Assert.Equal(["postgres"], checks);
    }

    [Fact]
    public async Task Metrics_AfterAPost_CountItItsFanOutAndTheRequestsThatCarriedIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        await writer.JoinAsync(tag, 0, ct);
        await writer.PostAsync(tag, "counted", ct);

        using var client = app.CreateClient();
        string[] expected =
        [
            "widget_posts_accepted_total", "widget_fanout_duration_seconds_bucket", "widget_catchup_posts_bucket", "widget_hub_connections",
            "http_server_request_duration_seconds_bucket", "signalr_server_active_connections",
        ];
        var text = await ScrapeAsync(client, expected, ct);

        Assert.All(expected, name => Assert.Contains(name, text, StringComparison.Ordinal));
    }

    /// <summary>The scrape endpoint answers ahead of routing; it is still a response a browser could be sent to.</summary>
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Response_CarriesTheSecurityHeaders(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    /// <summary>
    /// The fan-out is timed after the post is accepted, and the exporter answers from its cache for 300 ms, so
    /// a scrape right after the post (or right after another test's) may not show it yet. Once, with every
    /// test class starting its own service at the same time on two cores, five seconds were not enough.
    /// </summary>
    private static async Task<string> ScrapeAsync(HttpClient client, string[] expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var text = await client.GetStringAsync("/metrics", ct);
            if (expected.All(name => text.Contains(name, StringComparison.Ordinal)) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100, ct);
        }
    }

    private static async Task<string?> StatusAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("status").GetString();
    }
}
