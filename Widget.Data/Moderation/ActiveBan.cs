namespace Widget.Data.Moderation;

/// <summary>A ban in force: in which tag, until when (null: for good), and why.</summary>
public sealed record ActiveBan(string Tag, long UserId, string UserName, DateTimeOffset? Until, string Reason, bool Shadow = false);
