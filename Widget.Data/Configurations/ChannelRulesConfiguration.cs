using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class ChannelRulesConfiguration : IEntityTypeConfiguration<ChannelRules>
{
    public void Configure(EntityTypeBuilder<ChannelRules> builder)
    {
        builder.ToTable("channel_rules");
        builder.HasKey(r => r.Tag);
        builder.Property(r => r.Tag).HasMaxLength(Tag.MaxLength);
        builder.HasOne<PostEntry>().WithMany().HasForeignKey(r => r.PinnedPostId).OnDelete(DeleteBehavior.SetNull);
    }
}
