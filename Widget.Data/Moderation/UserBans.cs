namespace Widget.Data.Moderation;

/// <summary>What a post attempt finds: the ban in force that decides (a plain ban before a shadow one), and the tags whose timed ban ran out.</summary>
public sealed record UserBans(ActiveBan? InForce, IReadOnlyList<string> RunOut)
{
    public static UserBans From(IReadOnlyList<ActiveBan> rows, DateTimeOffset now)
    {
        var inForce = rows.Where(b => b.Until is null || b.Until > now)
            .OrderBy(b => b.Shadow).ThenBy(b => b.Until is null ? 0 : 1).ThenByDescending(b => b.Until)
            .FirstOrDefault();
        return new UserBans(inForce, [.. rows.Where(b => b.Until <= now).Select(b => b.Tag)]);
    }
}
