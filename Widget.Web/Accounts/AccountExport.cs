using Widget.Core.Posts;
using Widget.Data.Posts;

namespace Widget.Web.Accounts;

/// <summary>Everything public a user wrote, as one JSON document; the posts stream as they are read.</summary>
public sealed record AccountExport(UserProfile User, IAsyncEnumerable<Post> Posts);
