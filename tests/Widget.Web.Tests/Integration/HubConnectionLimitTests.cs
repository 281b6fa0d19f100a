using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>On a service of its own with a small limit; the shared one lets the whole assembly connect from 127.0.0.1.</summary>
public sealed class HubConnectionLimitTests
{
    private const int Limit = 5;

    [Fact]
    public async Task Connect_WhenTheAddressHoldsTheLimit_Is429UntilOneCloses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = WidgetApp.With(new Dictionary<string, string> { ["Realtime:MaxConnectionsPerAddress"] = $"{Limit}" });
        await service.InitializeAsync();
        var viewers = new List<LiveViewer>();
        try
        {
            for (var i = 0; i < Limit; i++)
            {
                viewers.Add(await LiveViewer.ConnectAsync(service, token: null, ct));
            }

            using var client = service.CreateClient();
            using var negotiate = await client.PostAsync(LiveHub.Path + "/negotiate?negotiateVersion=1", content: null, ct);
            using var socket = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(HubSocketUri(service), ct));
            var refusedByClient = await Assert.ThrowsAsync<HttpRequestException>(() => LiveViewer.ConnectAsync(service, token: null, ct));

            Assert.Equal(HttpStatusCode.TooManyRequests, negotiate.StatusCode);
            Assert.Equal("application/problem+json", negotiate.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(negotiate.Headers.RetryAfter?.Delta);
            using var problem = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(ct));
            Assert.Contains("Try again in", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.TooManyRequests, socket.HttpStatusCode);
            Assert.True(socket.HttpResponseHeaders?.ContainsKey("Retry-After"));
            Assert.Equal(HttpStatusCode.TooManyRequests, refusedByClient.StatusCode);

            await viewers[0].DisposeAsync();
            viewers.RemoveAt(0);
            viewers.Add(await ConnectOnceReleasedAsync(service, ct));
            Assert.Equal(HubConnectionState.Connected, viewers[^1].Connection.State);
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    /// <summary>The slot is given back when the closed connection's request ends, a moment after the close.</summary>
    private static async Task<LiveViewer> ConnectOnceReleasedAsync(WidgetApp service, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                return await LiveViewer.ConnectAsync(service, token: null, ct);
            }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private static Uri HubSocketUri(WidgetApp service) => new UriBuilder(new Uri(service.BaseAddress, LiveHub.Path)) { Scheme = "ws" }.Uri;
}
