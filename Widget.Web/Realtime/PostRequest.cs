namespace Widget.Web.Realtime;

public sealed record PostRequest(string? Channel, Guid ClientId, string? Text);
