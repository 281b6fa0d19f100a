namespace Widget.Bench.BareHub;

// The service's hub payloads, field for field (Widget.Web/Realtime and Widget.Core/Posts), so the
// bare hub puts the same bytes on the wire per delivery.

public sealed record Post(long Id, long AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt, string Channel,
    IReadOnlyList<string> Tags);

public sealed record PostEvent(string Tag, long Seq, Post Post, string Html);

public sealed record CatchUp(IReadOnlyList<PostEvent> Posts, bool Reset);

public sealed record PostRequest(string? Channel, Guid ClientId, string? Text);

public sealed record PostAccepted(Post Post, bool Created);

public sealed record CreatePostRequest(Guid ClientId, string? Text);

public interface IBareClient
{
    Task PostAdded(PostEvent e);
}
