using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.HasKey(c => c.Tag);
        builder.Property(c => c.Tag).HasMaxLength(Tag.MaxLength);
        // The key's collation-aware index cannot serve LIKE 'prefix%'; this one can (tag-name completion).
        builder.HasIndex(c => c.Tag).HasOperators("text_pattern_ops").HasDatabaseName("ix_channels_tag_prefix");
    }
}
