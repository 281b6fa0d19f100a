using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Widget.Bench.Peers;

namespace Widget.Bench.SignalR;

/// <summary>
/// One SignalR connection spoken by hand over a <see cref="ClientWebSocket"/> with the JSON protocol:
/// no negotiate round trip, a few kilobytes per connection, so one process can hold thousands.
/// Records end with 0x1e; a frame may carry several, and a record may span frames.
/// </summary>
public sealed class HubSocket : ILiveConnection
{
    private const byte RecordSeparator = 0x1e;
    private const int BufferSize = 4096;

    private static readonly byte[] Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
    private static readonly byte[] PingRecord = "{\"type\":6}\u001e"u8.ToArray();

    private readonly ClientWebSocket socket;
    private readonly ILiveEvents? events;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Dictionary<int, TaskCompletionSource<string?>> pending = [];
    private readonly TaskCompletionSource<string?> handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task receiving = Task.CompletedTask;
    private int nextInvocationId;
    private volatile bool closing;

    private HubSocket(ClientWebSocket socket, ILiveEvents? events)
    {
        this.socket = socket;
        this.events = events;
    }

    /// <summary>Whatever the owner wants to keep with the connection (its channel, what it has seen).</summary>
    public object? State { get; set; }

    /// <summary>Why the connection ended, if it ended while the generator still wanted it.</summary>
    public string? Failure { get; private set; }

    public Task Receiving => receiving;

    public int Outstanding
    {
        get
        {
            lock (pending)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>Connects and shakes hands within <paramref name="ct"/>; the connection then lives until <paramref name="life"/> ends or it is disposed.</summary>
    public static async Task<HubSocket> ConnectAsync(
        Uri uri, HttpMessageInvoker invoker, ILiveEvents? events, CancellationToken life, CancellationToken ct)
    {
        var ws = new ClientWebSocket();
        ws.Options.KeepAliveInterval = TimeSpan.Zero;
        var hub = new HubSocket(ws, events);
        try
        {
            await ws.ConnectAsync(uri, invoker, ct);
            hub.receiving = Task.Run(() => hub.ReceiveLoopAsync(life), CancellationToken.None);
            await hub.SendAsync(Handshake, ct);
            if (await hub.handshake.Task.WaitAsync(ct) is { } error)
            {
                throw new InvalidOperationException("handshake refused: " + error);
            }

            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>Join(tag, 0)</c>: from the start of the channel's live posts, with no catch-up wanted.</summary>
    public Task<string?> JoinAsync(string tag, CancellationToken ct) => InvokeAsync("Join", json =>
    {
        json.WriteStringValue(tag);
        json.WriteNumberValue(0);
    }, ct);

    public Task<string?> PostAsync(string channel, int phase, long key, out long sentAt, CancellationToken ct) =>
        Posting.PostAsync(this, channel, phase, key, out sentAt, ct);

    /// <summary>Sends an invocation; the task ends with the completion's error, or null when it succeeded.</summary>
    public async Task<string?> InvokeAsync(string target, Action<Utf8JsonWriter> writeArguments, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref nextInvocationId);
        var completion = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (pending)
        {
            pending[id] = completion;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("type"u8, HubRecord.Invocation);
            json.WriteString("invocationId"u8, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("target"u8, target);
            json.WriteStartArray("arguments"u8);
            writeArguments(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write([RecordSeparator]);
        await SendAsync(buffer.WrittenMemory, ct);
        return await completion.Task.WaitAsync(ct);
    }

    /// <summary>The server closes a connection it has not heard from for 30 s; a ping every 15 s keeps it.</summary>
    public async Task PingAsync(CancellationToken ct)
    {
        if (socket.State == WebSocketState.Open && await sendLock.WaitAsync(0, ct))
        {
            try
            {
                await socket.SendAsync(PingRecord, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            catch (WebSocketException)
            {
                // The receive loop records why the connection ended.
            }
            finally
            {
                sendLock.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        closing = true;
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing is best effort; disposing below frees the socket either way.
            }
        }

        socket.Abort();
        socket.Dispose();
        try
        {
            await receiving;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already recorded as the failure, or a normal end.
        }

        sendLock.Dispose();
    }

    private async Task SendAsync(ReadOnlyMemory<byte> record, CancellationToken ct)
    {
        await sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[BufferSize];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(filled), ct);
                var receivedAt = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Fail("server closed the connection");
                    return;
                }

                filled += result.Count;
                var consumed = DispatchRecords(buffer.AsSpan(0, filled), receivedAt);
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }

                if (filled == 0 && buffer.Length > BufferSize)
                {
                    buffer = new byte[BufferSize];
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail("stopped");
        }
        catch (Exception e) when (e is WebSocketException or JsonException or InvalidOperationException or ObjectDisposedException)
        {
            Fail(e.Message);
        }
    }

    private int DispatchRecords(ReadOnlySpan<byte> data, long receivedAt)
    {
        var consumed = 0;
        int end;
        while ((end = data[consumed..].IndexOf(RecordSeparator)) >= 0)
        {
            Dispatch(data.Slice(consumed, end), receivedAt);
            consumed += end + 1;
        }

        return consumed;
    }

    private void Dispatch(ReadOnlySpan<byte> json, long receivedAt)
    {
        if (!handshake.Task.IsCompleted)
        {
            // The handshake answer is "{}" or {"error":"..."}: the only record without a type.
            var answer = HubRecord.Read(json);
            handshake.TrySetResult(answer.Error);
            return;
        }

        var record = HubRecord.Read(json);
        switch (record.Type)
        {
            case HubRecord.Invocation when record.BatchTexts is { } texts:
                texts.ForEach(text => events?.OnPostAdded(this, text, receivedAt));
                break;
            case HubRecord.Invocation when record.IsPostAdded:
                events?.OnPostAdded(this, record.PostText, receivedAt);
                break;
            case HubRecord.Completion:
                TaskCompletionSource<string?>? completion;
                lock (pending)
                {
                    pending.Remove(record.InvocationId, out completion);
                }

                completion?.TrySetResult(record.Error);
                break;
            case HubRecord.Close:
                throw new InvalidOperationException("server sent close: " + (record.Error ?? "no reason"));
            default:
                break;
        }
    }

    /// <summary>Ends every wait on this connection; a reason is kept only when the owner did not end it.</summary>
    private void Fail(string reason)
    {
        if (!closing && reason != "stopped")
        {
            Failure ??= reason;
        }

        handshake.TrySetResult(reason);
        List<TaskCompletionSource<string?>> orphans;
        lock (pending)
        {
            orphans = [.. pending.Values];
            pending.Clear();
        }

        foreach (var orphan in orphans)
        {
            orphan.TrySetResult("connection ended: " + reason);
        }
    }
}
