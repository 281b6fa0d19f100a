namespace Widget.Web.Moderation;

/// <summary>Sent to every open connection of a user whose ban in <paramref name="Tag"/> was lifted or ran out.</summary>
public sealed record UnbannedEvent(string Tag, string Message);
