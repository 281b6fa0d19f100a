using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Auth;
using Widget.Web.Together;

namespace Widget.TogetherBench;

/// <summary>
/// One participant: a together-hub connection that moves its cursor on a timer and keeps what it saw of the others.
/// Each move carries its sequence number as the document-relative Y, so a receiver finds when it was sent.
/// </summary>
internal sealed class CursorMover : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Dictionary<long, int> lastSeen = [];
    private long lastBatch;
    private readonly TaskCompletionSource<SessionView> admitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CountingWebSocket? socket;

    private CursorMover(Uri node, IssuedToken token, int moves, MoverRoster roster)
    {
        UserId = token.User.Id;
        SentAt = new long[moves + 1];
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, TogetherHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var ws = new ClientWebSocket();
                    ws.Options.SetRequestHeader("Authorization", "Bearer " + token.AccessToken);
                    await ws.ConnectAsync(context.Uri, ct);
                    return socket = new CountingWebSocket(ws);
                };
            })
            .Build();
        connection.On<SessionView>(nameof(ITogetherClient.Admitted), view => admitted.TrySetResult(view));
        connection.On<CursorBatch>(nameof(ITogetherClient.Cursors), batch => Seen(batch, roster));
    }

    public long UserId { get; }

    /// <summary>When each move left, by its sequence number (Stopwatch ticks).</summary>
    public long[] SentAt { get; }

    public int LastSent { get; private set; }

    public long ReceivedBytes => socket?.ReceivedBytes ?? 0;

    /// <summary>Latencies in milliseconds of the moves seen while the roster was measuring.</summary>
    public List<double> Latencies { get; } = [];

    /// <summary>Batches that arrived after a later one, which the widget drops, as this does.</summary>
    public int Overtaken { get; private set; }

    /// <summary>Moves that arrived older than one already seen from the same sender, in batches kept.</summary>
    public int Backwards { get; private set; }

    public static async Task<CursorMover> ConnectAsync(Uri node, IssuedToken token, int moves, MoverRoster roster, CancellationToken ct)
    {
        var mover = new CursorMover(node, token, moves, roster);
        await mover.connection.StartAsync(ct);
        return mover;
    }

    public Task<SessionView> StartAsync(string tag, CancellationToken ct) =>
        connection.InvokeAsync<SessionView>(nameof(TogetherHub.Start), tag, ct);

    public async Task JoinAsync(CursorMover creator, string sessionId, CancellationToken ct)
    {
        await connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), sessionId, ct);
        await creator.connection.InvokeAsync(nameof(TogetherHub.Admit), sessionId, UserId, ct);
        await admitted.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    /// <summary>Moves <paramref name="count"/> times at <paramref name="hz"/>, starting at a random phase so senders spread out.</summary>
    public async Task MoveAsync(string sessionId, int hz, int count, CancellationToken ct)
    {
        await Task.Delay(Random.Shared.Next(1000 / hz), ct);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / hz));
        while (LastSent < count && await timer.WaitForNextTickAsync(ct))
        {
            var sequence = LastSent + 1;
            SentAt[sequence] = Stopwatch.GetTimestamp();
            LastSent = sequence;
            await connection.SendAsync(nameof(TogetherHub.Move), sessionId, new CursorPosition("", 0.5, sequence), ct);
        }
    }

    /// <summary>Whether the newest move of <paramref name="sender"/> reached this participant.</summary>
    public bool SawLastOf(CursorMover sender) => lastSeen.GetValueOrDefault(sender.UserId) == sender.LastSent;

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    // The client calls handlers of one connection one at a time, so the tallies need no lock.
    private void Seen(CursorBatch batch, MoverRoster roster)
    {
        var now = Stopwatch.GetTimestamp();
        // A batch's sequence is the time it was made in ms, so two may share one; only an older one is stale.
        if (batch.Sequence < lastBatch)
        {
            Overtaken++;
            return;
        }

        lastBatch = batch.Sequence;
        foreach (var move in batch.Moves.Where(m => m.UserId != UserId))
        {
            var sequence = (int)move.Position.Y;
            if (lastSeen.GetValueOrDefault(move.UserId) >= sequence)
            {
                Backwards++;
                continue;
            }

            lastSeen[move.UserId] = sequence;
            if (roster.Measuring)
            {
                Latencies.Add(Stopwatch.GetElapsedTime(roster[move.UserId].SentAt[sequence], now).TotalMilliseconds);
            }
        }
    }
}
