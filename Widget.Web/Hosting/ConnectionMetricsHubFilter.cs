using Microsoft.AspNetCore.SignalR;
using Widget.Web.Realtime;

namespace Widget.Web.Hosting;

/// <summary>Counts open hub connections, for the metrics and for <see cref="OpenConnections"/>, without the hub knowing.</summary>
public sealed class ConnectionMetricsHubFilter(WidgetMetrics metrics, OpenConnections open) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.ConnectionOpened();
        open.Opened();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            metrics.ConnectionClosed();
            open.Closed();
        }
    }
}
