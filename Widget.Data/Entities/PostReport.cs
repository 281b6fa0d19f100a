namespace Widget.Data.Entities;

/// <summary>A visitor's report of a post, for the moderators of the tag it was seen in.</summary>
public sealed class PostReport
{
    public long Id { get; set; }

    public required string Tag { get; set; }

    public long PostId { get; set; }

    public long ReporterId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
