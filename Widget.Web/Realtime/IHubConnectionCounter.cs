namespace Widget.Web.Realtime;

/// <summary>
/// The hub connections each client address holds open, against <see cref="RealtimeOptions.MaxConnectionsPerAddress"/>:
/// per node (<see cref="LocalHubConnectionCounter"/>) or, with Redis, per cluster (<see cref="Cluster.RedisHubConnectionCounter"/>).
/// </summary>
public interface IHubConnectionCounter
{
    /// <summary>Counts one more connection from the address, unless it already holds the limit.</summary>
    Task<bool> TryOpenAsync(string address, CancellationToken ct);

    /// <summary>Whether the address could open one more, counting nothing.</summary>
    Task<bool> HasRoomAsync(string address, CancellationToken ct);

    /// <summary>Counts a connection out again, on whichever path it ended.</summary>
    Task CloseAsync(string address, CancellationToken ct);
}
