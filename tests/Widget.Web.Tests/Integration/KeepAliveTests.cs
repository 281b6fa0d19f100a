using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Realtime;
using Widget.Web.Together;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// On a service whose live hub pings every five seconds and whose other hubs ping every second, with clients that
/// give up after three and a half seconds of silence: a widget's connection and a call's or a session's are kept
/// alive each at its own interval. SignalR checks for pings due once a second, so a second's pings come up to two apart.
/// </summary>
public sealed class KeepAliveTests : IAsyncLifetime
{
    private static readonly TimeSpan GivesUpAfter = TimeSpan.FromSeconds(3.5);

    private readonly WidgetApp app = WidgetApp.With(new Dictionary<string, string>
    {
        ["Realtime:LiveKeepAliveInterval"] = "00:00:05",
        ["Realtime:KeepAliveInterval"] = "00:00:01",
    });

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task AWidgetsConnection_IsPingedAtTheLiveInterval_ASessionsAtItsOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var live = Connect(LiveHub.Path);
        await using var together = Connect(TogetherHub.Path);
        var liveClosed = Closed(live);
        var togetherClosed = Closed(together);
        await live.StartAsync(ct);
        await together.StartAsync(ct);

        // Five seconds between pings is longer than this client waits, so the widget's connection goes silent first.
        var why = await liveClosed.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.IsType<TimeoutException>(why);
        await Task.Delay(GivesUpAfter, ct);
        Assert.False(togetherClosed.IsCompleted, "the session's connection went silent although its hub pings every second");
        Assert.Equal(HubConnectionState.Connected, together.State);
    }

    private HubConnection Connect(string path)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, path), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        connection.ServerTimeout = GivesUpAfter;
        connection.KeepAliveInterval = TimeSpan.FromSeconds(1);
        return connection;
    }

    private static Task<Exception?> Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
