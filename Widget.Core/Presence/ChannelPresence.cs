namespace Widget.Core.Presence;

/// <summary>Who is on a channel now: the named people and how many viewers in all.</summary>
public sealed record ChannelPresence(IReadOnlyList<PresentUser> Users, int Count);
