using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class ModerationLogEntryConfiguration : IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<ModerationLogEntry> builder)
    {
        builder.ToTable("moderation_log");
        builder.Property(e => e.Tag).HasMaxLength(Tag.MaxLength);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(ChannelBanConfiguration.ReasonMaxLength + 100);
        // The moderator's view reads a tag's log newest first.
        builder.HasIndex(e => new { e.Tag, e.Id });
    }
}
