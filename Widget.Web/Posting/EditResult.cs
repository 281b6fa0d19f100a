using System.Diagnostics.CodeAnalysis;
using Widget.Core.Posts;

namespace Widget.Web.Posting;

/// <summary>Either the post as edited or why the edit was refused.</summary>
public sealed record EditResult(Post? Post, PostRejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Post))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Accepted => Post is not null;

    public static EditResult Refused(PostRejection rejection) => new(null, rejection);
}
