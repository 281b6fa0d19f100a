using Microsoft.EntityFrameworkCore;

namespace Widget.Data.Posts;

/// <summary>Changes a post's text. The search column is generated from the text, so search follows by itself.</summary>
public sealed class PostEditor(WidgetDbContext db)
{
    /// <summary>
    /// One conditional update: the author's own post, not deleted, still inside the window. False when any of those
    /// stopped holding after the caller checked (a deletion or the window closing in between).
    /// </summary>
    public async Task<bool> ChangeTextAsync(
        long postId, long authorId, string text, DateTimeOffset now, DateTimeOffset createdAfter, CancellationToken ct) =>
        await db.Posts
            .Where(p => p.Id == postId && p.AuthorId == authorId && p.DeletedAt == null && p.CreatedAt >= createdAfter)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Text, text).SetProperty(p => p.EditedAt, now), ct) == 1;
}
