using Widget.Core.Posts;

namespace Widget.Web.Posting;

/// <summary>A page of a tag's timeline; <paramref name="Posts"/> are in the order asked for.</summary>
public sealed record PostPage(IReadOnlyList<ChannelPost> Posts, bool HasMore);
