namespace Widget.Data.Moderation;

/// <summary>The newest of each thing the moderator desk lists for a tag; when any moves, the desk reloads.</summary>
public sealed record DeskMark(long LastSeq, long LastHeldId, long LastReportId, long LastLogId);
