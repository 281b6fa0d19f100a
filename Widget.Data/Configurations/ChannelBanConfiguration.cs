using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class ChannelBanConfiguration : IEntityTypeConfiguration<ChannelBan>
{
    public const int ReasonMaxLength = 500;

    public void Configure(EntityTypeBuilder<ChannelBan> builder)
    {
        // The key is the lookup every post makes: (tag, user) for each of the post's tags.
        builder.HasKey(b => new { b.Tag, b.UserId });
        builder.Property(b => b.Tag).HasMaxLength(Tag.MaxLength);
        builder.Property(b => b.Reason).HasMaxLength(ReasonMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
