using System.Net.WebSockets;
using System.Text;
using Widget.Web.Realtime;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// A hub client speaking the JSON protocol over a bare WebSocket, so a test can make it vanish the way
/// a crashed browser does: no close frame, no goodbye.
/// </summary>
public sealed class RawHubSocket : IDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket socket = new();

    public static async Task<RawHubSocket> JoinAsync(WidgetApp app, string token, string tag, CancellationToken ct)
    {
        var raw = new RawHubSocket();
        var uri = new UriBuilder(new Uri(app.BaseAddress, LiveHub.Path)) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        await raw.socket.ConnectAsync(uri, ct);
        await raw.SendAsync("{\"protocol\":\"json\",\"version\":1}", ct);
        await raw.ReceiveAsync(ct);
        await raw.SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[\"{tag}\",0]}}", ct);
        string reply;
        do
        {
            reply = await raw.ReceiveAsync(ct);
        }
        while (!reply.Contains("\"invocationId\":\"1\"", StringComparison.Ordinal));

        return raw;
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Crash() => socket.Abort();

    public void Dispose() => socket.Dispose();

    private Task SendAsync(string message, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + Separator), WebSocketMessageType.Text, endOfMessage: true, ct);

    private async Task<string> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return text.ToString();
    }
}
