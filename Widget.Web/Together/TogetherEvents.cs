namespace Widget.Web.Together;

public sealed record Participant(long UserId, string Name, string Color);

public sealed record SessionView(string SessionId, string Tag, long CreatorId, IReadOnlyList<Participant> Participants);

public sealed record Knock(string SessionId, long UserId, string Name);

/// <summary>What a knock came to: <c>waiting</c> for the creator, or <c>admitted</c> with the session (a participant coming back).</summary>
public sealed record KnockAnswer(string State, SessionView? Session);

public sealed record CursorMove(long UserId, CursorPosition Position) : ICursorMove;

/// <summary>Each sender's newest position, after their newest click when they clicked since the last batch;
/// <paramref name="Sequence"/> is the time the batch left its node in milliseconds, growing with every batch, so a
/// widget drops a sender's moves from a batch that arrives after a later one.</summary>
public sealed record CursorBatch(string SessionId, long Sequence, IReadOnlyList<CursorMove> Moves);
