namespace Widget.Bench.Peers;

/// <summary>
/// One connection to a target, whatever it speaks: a viewer joins one channel and hears its posts; a
/// poster posts to any channel and waits for the acknowledgement.
/// </summary>
public interface ILiveConnection : IAsyncDisposable
{
    /// <summary>Whatever the owner wants to keep with the connection (its channel, what it has seen).</summary>
    object? State { get; set; }

    /// <summary>Why the connection ended, if it ended while the generator still wanted it.</summary>
    string? Failure { get; }

    /// <summary>Requests sent and not yet answered.</summary>
    int Outstanding { get; }

    /// <summary>The task ends with the target's refusal, or null when it joined.</summary>
    Task<string?> JoinAsync(string tag, CancellationToken ct);

    /// <summary>Posts the marker text (<see cref="Measure.PostMarker"/>) stamped with <paramref name="sentAt"/> just before it goes.</summary>
    Task<string?> PostAsync(string channel, int phase, long key, out long sentAt, CancellationToken ct);

    /// <summary>Keeps an idle connection open where the server would otherwise close it.</summary>
    Task PingAsync(CancellationToken ct);
}
