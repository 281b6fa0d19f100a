using System.Diagnostics.CodeAnalysis;
using Widget.Core.Posts;
using Widget.Data.Moderation;
using Widget.Data.Posts;

namespace Widget.Web.Posting;

/// <summary>The stored post, the post held for the channel's moderators, or why it was refused.</summary>
public sealed record PostResult(StoredPost? Stored, PostRejection? Rejection, HeldPost? Held = null)
{
    [MemberNotNullWhen(true, nameof(Stored))]
    public bool Accepted => Stored is not null;

    [MemberNotNullWhen(true, nameof(Held))]
    public bool IsHeld => Held is not null;

    public static PostResult Refused(PostRejection rejection) => new(null, rejection);

    public static PostResult Holding(HeldPost held) => new(null, null, held);
}
