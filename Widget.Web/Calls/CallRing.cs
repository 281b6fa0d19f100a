namespace Widget.Web.Calls;

/// <summary>
/// One person calling another in a channel. While it rings only the callee may answer it; once accepted, only the
/// caller's connection may take it, to join <see cref="Room"/> where the callee is already waiting.
/// </summary>
public sealed record CallRing(
    string Id, string Tag, string Room, string CallerConnection, long CallerId, string CallerName, long CalleeId, bool Accepted);
