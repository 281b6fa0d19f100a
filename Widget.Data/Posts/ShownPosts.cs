using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Widget.Data.Entities;

namespace Widget.Data.Posts;

/// <summary>
/// What the public may read, decided here alone. A post is shown in a tag while it is not deleted and no
/// moderator hid it there. It is shown at all (its permalink, its author's page and feed, the front page,
/// search, the API) while it is shown in at least one of its tags: hidden from every tag it was in, it is
/// gone from every public place, and only its author's own export still holds it. A post written under a
/// shadow ban is stored hidden from every tag, so it is never shown.
/// </summary>
public static class ShownPosts
{
    private static readonly Expression<Func<PostTag, bool>> ShownPlace = pt => pt.HiddenAt == null && pt.Post!.DeletedAt == null;

    private static readonly Expression<Func<PostEntry, bool>> ShownPost =
        p => p.DeletedAt == null && !p.Shadow && p.Tags.Any(pt => pt.HiddenAt == null);

    /// <summary>The places of posts shown in their tag.</summary>
    public static IQueryable<PostTag> Shown(this IQueryable<PostTag> places) => places.Where(ShownPlace);

    /// <summary>The posts shown in at least one of their tags.</summary>
    public static IQueryable<PostEntry> Shown(this IQueryable<PostEntry> posts) => posts.Where(ShownPost);

    /// <summary>
    /// The same rule for a post reached from another row, such as a reply's parent; false when there is none.
    /// It means something only inside a query passed through <see cref="Expand{T}"/>, which writes the rule in its place.
    /// </summary>
    public static bool IsShown(PostEntry? post) =>
        throw new InvalidOperationException($"{nameof(IsShown)} is only for queries passed through {nameof(Expand)}.");

    /// <summary>Writes the rule in place of every <see cref="IsShown"/> in <paramref name="query"/>, for EF to translate.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(ShownPosts) || node.Method.Name != nameof(IsShown))
            {
                return base.VisitMethodCall(node);
            }

            var post = Visit(node.Arguments[0]);
            return Expression.AndAlso(
                Expression.NotEqual(post, Expression.Constant(null, typeof(PostEntry))),
                ReplacingExpressionVisitor.Replace(ShownPost.Parameters[0], post, ShownPost.Body));
        }
    }
}
