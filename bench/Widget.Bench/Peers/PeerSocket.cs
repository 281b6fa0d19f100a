using System.Diagnostics;
using System.Net.WebSockets;

namespace Widget.Bench.Peers;

/// <summary>
/// What the nchan and socket.io clients share: a <see cref="ClientWebSocket"/> whose text messages are
/// handed whole to <see cref="OnMessage"/>, sends one at a time, and answers awaited by number.
/// </summary>
public abstract class PeerSocket(ILiveEvents? events) : ILiveConnection
{
    private const int BufferSize = 4096;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Dictionary<int, TaskCompletionSource<string?>> pending = [];
    private Task receiving = Task.CompletedTask;
    private int nextId;
    private volatile bool closing;

    public object? State { get; set; }

    public string? Failure { get; private set; }

    public virtual int Outstanding
    {
        get
        {
            lock (pending)
            {
                return pending.Count;
            }
        }
    }

    protected ILiveEvents? Events { get; } = events;

    public abstract Task<string?> JoinAsync(string tag, CancellationToken ct);

    public abstract Task<string?> PostAsync(string channel, int phase, long key, out long sentAt, CancellationToken ct);

    public virtual Task PingAsync(CancellationToken ct) => Task.CompletedTask;

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
        GC.SuppressFinalize(this);
    }

    protected async Task OpenAsync(Uri uri, HttpMessageInvoker invoker, CancellationToken life, CancellationToken ct)
    {
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(uri, invoker, ct);
        receiving = Task.Run(() => ReceiveLoopAsync(life), CancellationToken.None);
    }

    protected async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        await sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>A number for a request and the task its answer completes.</summary>
    protected (int Id, Task<string?> Answer) Expect()
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (pending)
        {
            pending[id] = answer;
        }

        return (id, answer.Task);
    }

    protected void Answer(int id, string? error)
    {
        TaskCompletionSource<string?>? answer;
        lock (pending)
        {
            pending.Remove(id, out answer);
        }

        answer?.TrySetResult(error);
    }

    /// <summary>One whole text message, on the receive loop.</summary>
    protected abstract void OnMessage(ReadOnlySpan<byte> message, long receivedAt);

    /// <summary>The connection ended (<see cref="Fail"/>): end any other wait on it.</summary>
    protected virtual void OnEnded(string reason)
    {
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
                if (result.EndOfMessage)
                {
                    OnMessage(buffer.AsSpan(0, filled), receivedAt);
                    filled = 0;
                    if (buffer.Length > BufferSize)
                    {
                        buffer = new byte[BufferSize];
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail("stopped");
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            Fail(e.Message);
        }
    }

    /// <summary>Ends every wait on this connection; a reason is kept only when the owner did not end it.</summary>
    protected void Fail(string reason)
    {
        if (!closing && reason != "stopped")
        {
            Failure ??= reason;
        }

        OnEnded(reason);
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
