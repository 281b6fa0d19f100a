using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    // Settings are read and written whole, never queried by field: one jsonb column keeps them together.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasKey(s => s.Tag);
        builder.Property(s => s.Tag).HasMaxLength(Tag.MaxLength);
        builder.HasIndex(s => s.OwnerId);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Settings)
            .HasColumnType("jsonb")
            .HasConversion(
                settings => JsonSerializer.Serialize(settings, Json),
                json => JsonSerializer.Deserialize<SiteSettings>(json, Json) ?? new SiteSettings(),
                new ValueComparer<SiteSettings>((a, b) => a == b && a!.AllowedDomains.SequenceEqual(b!.AllowedDomains), s => s.GetHashCode()));
    }
}
