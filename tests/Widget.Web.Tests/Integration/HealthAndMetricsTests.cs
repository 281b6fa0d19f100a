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
        var text = await client.GetStringAsync("/metrics", ct);

        Assert.Contains("widget_posts_accepted_total", text, StringComparison.Ordinal);
        Assert.Contains("widget_fanout_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("widget_catchup_posts_bucket", text, StringComparison.Ordinal);
        Assert.Contains("widget_hub_connections", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("signalr_server_active_connections", text, StringComparison.Ordinal);
    }

    private static async Task<string?> StatusAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("status").GetString();
    }
}
