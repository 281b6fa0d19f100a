namespace Widget.Web.Realtime;

/// <summary>What a (re)joining viewer missed, in sequence order; <paramref name="Reset"/> when the gap was too large to replay.</summary>
public sealed record CatchUp(IReadOnlyList<PostEvent> Posts, bool Reset);
