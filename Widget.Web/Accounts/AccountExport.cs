using Widget.Core.Posts;
using Widget.Data.Posts;
using Widget.Data.Reactions;

namespace Widget.Web.Accounts;

/// <summary>Everything public a user wrote and reacted, as one JSON document; the lists stream as they are read.</summary>
public sealed record AccountExport(UserProfile User, IAsyncEnumerable<Post> Posts, IAsyncEnumerable<ExportedReaction> Reactions);
