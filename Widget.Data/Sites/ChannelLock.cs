using Microsoft.EntityFrameworkCore;

namespace Widget.Data.Sites;

/// <summary>
/// Takes the lock every post in a tag takes: its <c>channels</c> row, created if the tag has none yet (with no
/// seq given, so <c>last_seq</c> stays 0), and held until the caller's transaction ends. A post in the tag then
/// commits either before it, and the caller's next statement sees it, or after the caller's transaction.
/// </summary>
internal static class ChannelLock
{
    public static Task TakeAsync(WidgetDbContext db, string tag, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO channels (tag, last_seq) VALUES ({tag}, 0) ON CONFLICT (tag) DO UPDATE SET last_seq = channels.last_seq",
            ct);
}
