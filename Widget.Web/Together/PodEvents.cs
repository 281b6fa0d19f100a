namespace Widget.Web.Together;

/// <summary>A visitor shown on a page: who (name and colour travel with every move, as a page room has no list of people) and where.</summary>
public sealed record PodMove(long UserId, string Name, string Color, CursorPosition Position) : ICursorMove;

/// <summary>Each shown visitor's newest position on the page; <paramref name="Sequence"/> grows by one per batch of the room.</summary>
public sealed record PodBatch(string Path, long Sequence, IReadOnlyList<PodMove> Pods);
