namespace Widget.Web.Realtime;

/// <param name="ReplyTo">The id of the post this one answers, if any.</param>
public sealed record PostRequest(string? Channel, Guid ClientId, string? Text, long? ReplyTo = null);
