namespace Widget.Data.Moderation;

/// <summary>A report as the moderator's view lists it, with the reported post's text.</summary>
public sealed record ReportEntry(
    long Id, long PostId, string PostText, long AuthorId, string AuthorName, long ReporterId, string ReporterName, string Reason,
    DateTimeOffset At);
