namespace Widget.Bench.SignalR;

/// <summary>What a connection hears from the server besides completions.</summary>
public interface IHubEvents
{
    /// <summary>On the connection's receive loop; <paramref name="receivedAt"/> is the Stopwatch timestamp of the read that brought it.</summary>
    void OnPostAdded(HubSocket socket, ReadOnlySpan<byte> postText, long receivedAt);
}
