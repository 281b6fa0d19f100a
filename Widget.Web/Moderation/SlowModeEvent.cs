namespace Widget.Web.Moderation;

/// <summary>A tag's slow mode changed: one post per <paramref name="Seconds"/> per user, 0 when it is off.</summary>
public sealed record SlowModeEvent(string Tag, int Seconds);
