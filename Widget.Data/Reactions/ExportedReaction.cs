namespace Widget.Data.Reactions;

/// <summary>One of a user's reactions, as their data export lists it.</summary>
public sealed record ExportedReaction(long PostId, string Emoji, DateTimeOffset At);
