using System.Linq.Expressions;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Posts;

/// <summary>The columns a post is read with, shared by the queries that list posts by id.</summary>
/// <param name="ReplyToAuthor">The parent's author, read by the same query's join; null once the parent is not shown.</param>
internal sealed record PostRow(
    long Id, long AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt, string Channel,
    long? ReplyToId = null, string? ReplyToAuthor = null, DateTimeOffset? EditedAt = null)
{
    public static readonly Expression<Func<PostEntry, PostRow>> FromEntry = ShownPosts.Expand<Func<PostEntry, PostRow>>(
        p => new PostRow(p.Id, p.AuthorId, p.Author!.DisplayName, p.Text, p.CreatedAt, p.Channel,
            p.ReplyToId, ShownPosts.IsShown(p.ReplyTo) ? p.ReplyTo!.Author!.DisplayName : null, p.EditedAt));

    // A post's tags follow from its channel and text, so lists need not join them back.
    public Post ToPost() => new(Id, AuthorId, AuthorName, Text, CreatedAt, Channel,
        PostTags.For(Tag.Parse(Channel), Text).Select(t => t.Value).ToArray(),
        ReplyToId is { } parent ? new PostReply(parent, ReplyToAuthor) : null,
        EditedAt);
}
