namespace Widget.Data.Moderation;

public sealed record ModeratorEntry(long UserId, string Name, DateTimeOffset AppointedAt);
