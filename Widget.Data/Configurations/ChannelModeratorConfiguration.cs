using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class ChannelModeratorConfiguration : IEntityTypeConfiguration<ChannelModerator>
{
    public void Configure(EntityTypeBuilder<ChannelModerator> builder)
    {
        builder.HasKey(m => new { m.Tag, m.UserId });
        builder.Property(m => m.Tag).HasMaxLength(Tag.MaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
