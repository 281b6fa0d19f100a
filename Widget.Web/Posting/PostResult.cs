using System.Diagnostics.CodeAnalysis;
using Widget.Core.Posts;
using Widget.Data.Posts;

namespace Widget.Web.Posting;

/// <summary>Either the stored post or why it was refused.</summary>
public sealed record PostResult(StoredPost? Stored, PostRejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Stored))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Accepted => Stored is not null;

    public static PostResult Refused(PostRejection rejection) => new(null, rejection);
}
