namespace Widget.Web.Moderation;

/// <summary>What a signed-in viewer of a tag sees that nobody else does: their invisible posts, and their ban there if any.</summary>
public sealed record OwnView(IReadOnlyList<OwnPost> Posts, BannedEvent? Ban);
