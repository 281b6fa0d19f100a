using Microsoft.EntityFrameworkCore;

namespace Widget.Data.Posts;

/// <summary>The tags a post is shown in now: where a change to it (an edit, a reaction) must be pushed.</summary>
public sealed class PostPlaces(WidgetDbContext db)
{
    public async Task<IReadOnlyList<string>> ShownInAsync(long postId, CancellationToken ct) =>
        await db.PostTags.AsNoTracking().Shown()
            .Where(pt => pt.PostId == postId)
            .OrderBy(pt => pt.Tag)
            .Select(pt => pt.Tag)
            .ToListAsync(ct);
}
