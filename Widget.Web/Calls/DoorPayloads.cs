namespace Widget.Web.Calls;

/// <summary>To the channel's moderators: someone asks to join its call.</summary>
public sealed record JoinRequestEvent(string Tag, long UserId, string Name);

/// <summary>To the channel's moderators: a request is over (answered, withdrawn, lapsed or ended by a ban), so every
/// widget and desk of theirs drops it.</summary>
public sealed record JoinRequestEndedEvent(string Tag, long UserId);

/// <summary>To every widget of the one who asked: let in or not; <see cref="Answered"/> false when no moderator answered in time.</summary>
public sealed record JoinAnsweredEvent(string Tag, bool Admitted, bool Answered);
