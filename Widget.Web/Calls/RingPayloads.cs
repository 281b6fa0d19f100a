namespace Widget.Web.Calls;

/// <summary>What the caller gets back: the ring to cancel, and the callee's name to show while it rings.</summary>
public sealed record RingStarted(string RingId, string Name);

/// <summary>To every widget of the callee: someone in the tag's channel is calling them.</summary>
public sealed record RingEvent(string RingId, string Tag, long CallerId, string Name);

/// <summary>To the caller's connection: the callee accepted (join with <c>JoinDirect</c>) or declined.</summary>
public sealed record RingAnsweredEvent(string RingId, bool Accepted);

/// <summary>The ring stopped without an answer for this widget: withdrawn, timed out, refused, or answered in
/// another of the callee's widgets.</summary>
public sealed record RingEndedEvent(string RingId);
