namespace Widget.Bench.Peers;

/// <summary>What a connection hears from the server besides answers.</summary>
public interface ILiveEvents
{
    /// <summary>On the connection's receive loop; <paramref name="receivedAt"/> is the Stopwatch timestamp of the read that brought it.</summary>
    void OnPostAdded(ILiveConnection connection, ReadOnlySpan<byte> postText, long receivedAt);
}
