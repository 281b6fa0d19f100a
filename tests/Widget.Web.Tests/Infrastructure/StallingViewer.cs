using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Widget.Web.Realtime;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// A viewer on a bare WebSocket, speaking the JSON hub protocol by hand, that can stop reading the way a frozen
/// tab or a phone on a dead network does while its pings still reach the server, so only the server's own bound
/// on sends can notice it. A small receive buffer makes the kernel stop taking data after a few kilobytes.
/// </summary>
public sealed class StallingViewer : IDisposable
{
    private const byte Separator = 0x1e;
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket socket = new();
    private readonly HttpMessageInvoker invoker;
    private readonly Queue<JsonElement> records = new();
    private readonly MemoryStream partial = new();
    private int invocations;

    private StallingViewer(int? receiveBufferBytes)
    {
        invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBufferBytes is { } bytes)
                {
                    // Before connecting, so the window the client advertises is small from the first segment.
                    tcp.ReceiveBufferSize = bytes;
                }

                await tcp.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(tcp, ownsSocket: true);
            },
        });
    }

    /// <summary>The highest seq of a <c>PostAdded</c> this viewer has read.</summary>
    public long LastSeq { get; private set; }

    public static async Task<StallingViewer> ConnectAsync(WidgetApp app, int? receiveBufferBytes, CancellationToken ct)
    {
        var viewer = new StallingViewer(receiveBufferBytes);
        var uri = new UriBuilder(new Uri(app.BaseAddress, LiveHub.Path)) { Scheme = "ws" }.Uri;
        await viewer.socket.ConnectAsync(uri, viewer.invoker, ct);
        await viewer.SendAsync("{\"protocol\":\"json\",\"version\":1}", ct);
        var handshake = await viewer.NextRecordAsync(ct);
        if (handshake.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException("The hub refused the handshake: " + error);
        }

        return viewer;
    }

    /// <summary>Calls <c>Join</c> and returns its <c>CatchUp</c>, reading any pushes that arrive before the answer.</summary>
    public async Task<JsonElement> JoinAsync(string tag, long afterSeq, CancellationToken ct)
    {
        var id = (++invocations).ToString(CultureInfo.InvariantCulture);
        var arguments = JsonSerializer.Serialize(new object[] { tag, afterSeq });
        await SendAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{nameof(LiveHub.Join)}\",\"arguments\":{arguments}}}", ct);
        while (true)
        {
            var record = await NextRecordAsync(ct);
            if (record.GetProperty("type").GetInt32() == 3 && record.GetProperty("invocationId").GetString() == id)
            {
                return record.TryGetProperty("result", out var result)
                    ? result
                    : throw new InvalidOperationException("Join failed: " + record);
            }
        }
    }

    /// <summary>Reads until it has seen the post with <paramref name="seq"/>.</summary>
    public async Task ReadUntilSeqAsync(long seq, CancellationToken ct)
    {
        while (LastSeq < seq)
        {
            await NextRecordAsync(ct);
        }
    }

    /// <summary>
    /// From now on reads nothing, and pings the server every quarter second so it never times the client out.
    /// Returns how long after this call a ping first failed because the server had closed the connection, or
    /// null if it was still open after <paramref name="limit"/>.
    /// </summary>
    public async Task<TimeSpan?> StallAsync(TimeSpan limit, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            try
            {
                await socket.SendAsync(Ping, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            catch (Exception e) when (e is WebSocketException or IOException)
            {
                return Stopwatch.GetElapsedTime(started);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        return null;
    }

    public void Dispose()
    {
        socket.Dispose();
        invoker.Dispose();
        partial.Dispose();
    }

    private Task SendAsync(string message, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + (char)Separator), WebSocketMessageType.Text, endOfMessage: true, ct);

    private async Task<JsonElement> NextRecordAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        while (records.Count == 0)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            Split(buffer.AsSpan(0, received.Count));
        }

        var record = records.Dequeue();
        if (record.TryGetProperty("target", out var target) && target.GetString() == nameof(ILiveClient.PostAdded))
        {
            LastSeq = Math.Max(LastSeq, record.GetProperty("arguments")[0].GetProperty("seq").GetInt64());
        }

        return record;
    }

    private void Split(ReadOnlySpan<byte> data)
    {
        int end;
        while ((end = data.IndexOf(Separator)) >= 0)
        {
            partial.Write(data[..end]);
            using (var document = JsonDocument.Parse(partial.GetBuffer().AsMemory(0, (int)partial.Length)))
            {
                records.Enqueue(document.RootElement.Clone());
            }

            partial.SetLength(0);
            data = data[(end + 1)..];
        }

        partial.Write(data);
    }
}
