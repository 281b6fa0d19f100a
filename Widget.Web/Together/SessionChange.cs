namespace Widget.Web.Together;

/// <summary>
/// Someone left a session or was taken out of it, with the <paramref name="Connections"/> they had in it, or (with no
/// <paramref name="UserId"/>) it ended; every node hears it. With <paramref name="Tell"/>, each node tells its own
/// connections of them (<c>Removed</c>, or <c>Ended</c>); someone who left themselves needs no telling.
/// </summary>
public sealed record SessionChange(string SessionId, string Tag, long? UserId, IReadOnlyList<string> Connections, bool Tell);
