using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Widget.Bench.Measure;

namespace Widget.Bench.Peers;

/// <summary>
/// socket.io 4 (bench/socketio) spoken by hand: Engine.IO v4 over a WebSocket
/// (<c>/socket.io/?EIO=4&amp;transport=websocket</c>, one packet per message: <c>0{…}</c> open,
/// <c>2</c> ping answered by <c>3</c>) carrying Socket.IO v5 packets (<c>40</c> connect,
/// <c>42["event",…]</c> an event, <c>42N[…]</c> one that wants acknowledgement N, <c>43N[…]</c> that
/// acknowledgement). Joining is <c>join(tag)</c>, posting <c>post({channel, text})</c>, both acknowledged;
/// the server's <c>PostAdded</c> carries the bare hub's payload.
/// </summary>
public sealed class SocketIoClient : PeerSocket
{
    private static readonly byte[] Connect = "40"u8.ToArray();
    private static readonly byte[] Pong = "3"u8.ToArray();
    private static ReadOnlySpan<byte> PostAddedPrefix => "42[\"PostAdded\","u8;

    private readonly TaskCompletionSource<string?> connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SocketIoClient(ILiveEvents? events)
        : base(events)
    {
    }

    public static async Task<SocketIoClient> ConnectAsync(Uri root, HttpMessageInvoker invoker, ILiveEvents? events,
        CancellationToken life, CancellationToken ct)
    {
        var client = new SocketIoClient(events);
        try
        {
            var uri = new UriBuilder(root) { Scheme = "ws", Path = "/socket.io/", Query = "EIO=4&transport=websocket" }.Uri;
            await client.OpenAsync(uri, invoker, life, ct);
            await client.SendAsync(Connect, ct);
            if (await client.connected.Task.WaitAsync(ct) is { } error)
            {
                throw new InvalidOperationException("socket.io connect refused: " + error);
            }

            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public override Task<string?> JoinAsync(string tag, CancellationToken ct) =>
        EmitAsync(json => json.WriteStringValue(tag), "join", ct);

    public override Task<string?> PostAsync(string channel, int phase, long key, out long sentAt, CancellationToken ct)
    {
        sentAt = MonotonicClock.Now();
        var text = PostMarker.Format(phase, key, sentAt);
        return EmitAsync(json =>
        {
            json.WriteStartObject();
            json.WriteString("channel"u8, channel);
            json.WriteString("text"u8, text);
            json.WriteEndObject();
        }, "post", ct);
    }

    protected override void OnMessage(ReadOnlySpan<byte> message, long receivedAt)
    {
        if (message.StartsWith(PostAddedPrefix))
        {
            Events?.OnPostAdded(this, PeerPost.Text(message[PostAddedPrefix.Length..]), receivedAt);
        }
        else if (message.SequenceEqual("2"u8))
        {
            _ = AnswerPingAsync();
        }
        else if (message.StartsWith("43"u8) && Utf8Parser.TryParse(message[2..], out int id, out var used))
        {
            Answer(id, message[(2 + used)..].IndexOf("\"error\""u8) >= 0 ? Encoding.UTF8.GetString(message[(2 + used)..]) : null);
        }
        else if (message.StartsWith("40"u8))
        {
            connected.TrySetResult(null);
        }
        else if (message.StartsWith("44"u8) || message.StartsWith("41"u8))
        {
            Fail("socket.io: " + Encoding.UTF8.GetString(message));
        }
    }

    protected override void OnEnded(string reason) => connected.TrySetResult(reason);

    private async Task<string?> EmitAsync(Action<Utf8JsonWriter> argument, string name, CancellationToken ct)
    {
        var (id, answer) = Expect();
        using var buffer = new MemoryStream(256);
        buffer.Write("42"u8);
        buffer.Write(Encoding.ASCII.GetBytes(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(name);
            argument(json);
            json.WriteEndArray();
        }

        await SendAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        return await answer.WaitAsync(ct);
    }

    private async Task AnswerPingAsync()
    {
        try
        {
            await SendAsync(Pong, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop records why the connection ended.
        }
    }
}
