using System.Diagnostics.CodeAnalysis;
using Widget.Core.Posts;
using Widget.Core.Reactions;

namespace Widget.Web.Reactions;

/// <summary>The post's reaction counts after the change, or why it was refused.</summary>
public sealed record ReactionResult(IReadOnlyList<ReactionCount>? Counts, PostRejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Counts))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Accepted => Counts is not null;

    public static ReactionResult Refused(PostRejection rejection) => new(null, rejection);
}
