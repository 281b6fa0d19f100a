using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Widget.Web.Cluster;

/// <summary>
/// This node's hub connections that have no Redis subscriptions: they opened, or joined a group, while Redis
/// was away. They are served by this node alone (its own posts reach them) until Redis is back; then
/// <see cref="CutOffReconnector"/> closes them, and the widget reconnects and catches up by seq.
/// </summary>
public sealed partial class CutOffConnections(ILogger<CutOffConnections> logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> connections = new(StringComparer.Ordinal);

    public int Count => connections.Count;

    public bool Contains(string connectionId) => connections.ContainsKey(connectionId);

    public void Add(HubConnectionContext connection, Exception? failure)
    {
        if (connections.TryAdd(connection.ConnectionId, connection))
        {
            LogCutOff(logger, connection.ConnectionId, failure);
        }
    }

    public bool Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyList<string> OfUser(string userId) => OfUser(userId, _ => true);

    public IReadOnlyList<string> OfUser(string userId, Func<HubConnectionContext, bool> also) =>
        [.. connections.Values.Where(c => c.UserIdentifier == userId && also(c)).Select(c => c.ConnectionId)];

    /// <summary>Closes every cut-off connection; each leaves the registry when SignalR reports it gone.</summary>
    public int CloseAll()
    {
        var closing = connections.Values.ToArray();
        foreach (var connection in closing)
        {
            connection.Abort();
        }

        return closing.Length;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Hub connection {ConnectionId} is served by this node only until Redis is back, then closed to reconnect")]
    private static partial void LogCutOff(ILogger logger, string connectionId, Exception? exception);
}
