using Widget.Bench.SignalR;

namespace Widget.Bench.Peers;

/// <summary>
/// <c>--protocol</c>: <c>signalr</c> (the service and the bare hub, at <c>--url</c> the hub's address),
/// <c>nchan</c> or <c>socketio</c> (at <c>--url</c> the server's root).
/// </summary>
public static class LiveProtocol
{
    public static async Task<ILiveConnection> ConnectAsync(string protocol, string url, string? token, HttpMessageInvoker invoker,
        ILiveEvents? events, CancellationToken life, CancellationToken ct) => protocol switch
        {
            "signalr" => await HubSocket.ConnectAsync(HubUrl.For(url, token), invoker, events, life, ct),
            "nchan" => new NchanClient(new Uri(url), invoker, events, life),
            "socketio" => await SocketIoClient.ConnectAsync(new Uri(url), invoker, events, life, ct),
            _ => throw new ArgumentException($"unknown protocol '{protocol}'"),
        };
}
