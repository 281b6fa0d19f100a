namespace Widget.Web.Calls;

/// <summary>
/// A signed-in visitor asking to join the call of a channel whose calls are by admission. One per user and channel:
/// asking again while waiting is the same request. <see cref="Id"/> tells this asking from a later one, so a timeout
/// or a closed widget withdraws only its own.
/// </summary>
public sealed record JoinRequest(string Id, string Tag, long UserId, string Name);
