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

    /// <summary>A site as its first owner finds it: titled after its tag, every other setting at its default.</summary>
    public static Site New(string tag, long ownerId, DateTimeOffset now) => new()
    {
        Tag = tag, OwnerId = ownerId, CreatedAt = now, UpdatedAt = now, Settings = new SiteSettings { Title = "#" + tag },
    };
}
