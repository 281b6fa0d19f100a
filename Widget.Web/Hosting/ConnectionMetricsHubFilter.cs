using Microsoft.AspNetCore.SignalR;

namespace Widget.Web.Hosting;

/// <summary>Counts open hub connections without the hub having to know about metrics.</summary>
public sealed class ConnectionMetricsHubFilter(WidgetMetrics metrics) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.ConnectionOpened();
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
        }
    }
}
