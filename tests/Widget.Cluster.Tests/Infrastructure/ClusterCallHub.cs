using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Calls;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>A widget's connection to one node's call hub, straight to the node so a test knows which node holds it.</summary>
internal static class ClusterCallHub
{
    public static async Task<HubConnection> ConnectAsync(WidgetNode node, string token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, CallHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync(ct);
        return connection;
    }
}
