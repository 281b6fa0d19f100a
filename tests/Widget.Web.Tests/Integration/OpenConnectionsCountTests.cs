using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// What the node counts as open, which its metrics report and its give-back is decided on: a widget's connection while
/// it is open, not once it has closed, and never one another site's page was refused.
/// </summary>
public sealed class OpenConnectionsCountTests : IAsyncLifetime
{
    private readonly WidgetApp app = WidgetApp.With(new Dictionary<string, string>());

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task WidgetsAreCountedWhileOpen_AndARefusedForeignPageNever()
    {
        var ct = TestContext.Current.CancellationToken;
        var open = app.Services.GetRequiredService<OpenConnections>();

        await using (var foreign = Connect("http://evil.example"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => foreign.StartAsync(ct));
        }

        await using (var first = Connect(origin: null))
        await using (var second = Connect(origin: null))
        {
            await first.StartAsync(ct);
            await second.StartAsync(ct);
            Assert.Equal(2, await Settled(open, 2, ct));
        }

        Assert.Equal(0, await Settled(open, 0, ct));
        Assert.Equal(2, open.TakePeak());
    }

    // The server answers the handshake before its filters see the connection, and counts a close after the socket has gone.
    private static async Task<long> Settled(OpenConnections open, long expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (open.Now != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, ct);
        }

        return open.Now;
    }

    private HubConnection Connect(string? origin) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.BaseAddress, LiveHub.Path), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            if (origin is not null)
            {
                options.Headers["Origin"] = origin;
            }
        })
        .Build();
}
