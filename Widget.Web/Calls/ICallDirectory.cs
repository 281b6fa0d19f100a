namespace Widget.Web.Calls;

/// <summary>
/// Who is in each channel's call as every node sees it. <see cref="CallRooms"/> holds this node's own
/// connections (their seats, languages, and what an eviction takes out); the directory adds the other nodes'
/// members, so a call may span nodes: one node alone answers from <see cref="CallRooms"/>, a cluster from Redis.
/// </summary>
public interface ICallDirectory
{
    /// <summary>Records a member that <see cref="CallRooms"/> has just seated on this node; false when the call,
    /// counted over every node, already holds <paramref name="max"/>.</summary>
    Task<bool> TryJoinAsync(string tag, CallMember member, int max, CancellationToken ct);

    /// <summary>Forgets connections of this node that have left the tag's call.</summary>
    Task LeftAsync(string tag, IReadOnlyCollection<string> connectionIds);

    /// <summary>Whether the connection, on any live node, is in the tag's call: checked on every signalling message.</summary>
    Task<bool> IsMemberAsync(string tag, string connectionId, CancellationToken ct);

    Task<CallRoster> RosterAsync(string tag, int max, CancellationToken ct);
}
