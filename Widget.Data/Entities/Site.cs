namespace Widget.Data.Entities;

/// <summary>A tag claimed by a webmaster for their site.</summary>
public sealed class Site
{
    public required string Tag { get; set; }

    public long OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
