namespace Widget.Core.Presence;

/// <summary>
/// What adding or removing one connection changed on its channel: the person who arrived or left
/// (null when they have another tab open, or are anonymous) and the new head counts.
/// </summary>
public sealed record PresenceChange(string Tag, PresentUser? Joined, long? Left, int Count, string? Page, int PageCount);
