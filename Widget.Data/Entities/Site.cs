using Widget.Core.Sites;

namespace Widget.Data.Entities;

/// <summary>A tag claimed by a webmaster for their site; the claim makes them its owner.</summary>
public sealed class Site
{
    public required string Tag { get; set; }

    public long OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public SiteSettings Settings { get; set; } = new();
}
