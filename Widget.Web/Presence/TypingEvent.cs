namespace Widget.Web.Presence;

/// <summary>Someone is typing in a channel; the widget shows it for <paramref name="ForMilliseconds"/> unless renewed or their post arrives.</summary>
public sealed record TypingEvent(string Tag, long UserId, string Name, int ForMilliseconds);
