using Microsoft.EntityFrameworkCore;
using Npgsql;
using Widget.Data.Configurations;
using Widget.Data.Entities;

namespace Widget.Data.Moderation;

/// <summary>Reports visitors make of posts they see in a tag.</summary>
public sealed class PostReports(WidgetDbContext db, TimeProvider time)
{
    /// <summary>False when the post is not shown in the tag; reporting the same post twice keeps the first report.</summary>
    public async Task<bool> AddAsync(string tag, long postId, long reporterId, string reason, CancellationToken ct)
    {
        if (!await db.PostTags.AnyAsync(pt => pt.Tag == tag && pt.PostId == postId && pt.HiddenAt == null && pt.Post!.DeletedAt == null, ct))
        {
            return false;
        }

        var text = reason.Trim();
        db.PostReports.Add(new PostReport
        {
            Tag = tag, PostId = postId, ReporterId = reporterId, CreatedAt = time.GetUtcNow(),
            Reason = text.Length > PostReportConfiguration.ReasonMaxLength ? text[..PostReportConfiguration.ReasonMaxLength] : text,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>Reports of posts still shown in the tag, newest first.</summary>
    public async Task<IReadOnlyList<ReportEntry>> OfAsync(string tag, int limit, CancellationToken ct) =>
        await db.PostReports.AsNoTracking()
            .Where(r => r.Tag == tag)
            .Join(db.PostTags.Where(pt => pt.HiddenAt == null && pt.Post!.DeletedAt == null),
                r => new { r.Tag, r.PostId }, pt => new { pt.Tag, pt.PostId }, (r, pt) => new { r, pt.Post })
            .Join(db.Users, x => x.r.ReporterId, u => u.Id, (x, u) => new { x.r, x.Post, Reporter = u.DisplayName })
            .OrderByDescending(x => x.r.Id)
            .Take(limit)
            .Select(x => new ReportEntry(
                x.r.Id, x.r.PostId, x.Post!.Text, x.Post.AuthorId, x.Post.Author!.DisplayName, x.r.ReporterId, x.Reporter, x.r.Reason, x.r.CreatedAt))
            .ToListAsync(ct);
}
