using Microsoft.AspNetCore.SignalR;
using Widget.Web.Realtime;

namespace Widget.Web.Hosting;

/// <summary>
/// Counts open hub connections in <see cref="OpenConnections"/>, which the metrics and <see cref="MemoryGiveBack"/> read,
/// without the hub having to know.
/// </summary>
public sealed class ConnectionMetricsHubFilter(OpenConnections open) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
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
            open.Closed();
        }
    }
}
