using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class HeldPostEntryConfiguration : IEntityTypeConfiguration<HeldPostEntry>
{
    public void Configure(EntityTypeBuilder<HeldPostEntry> builder)
    {
        builder.ToTable("held_posts");
        // Taken from the posts' sequence by the insert, so the post keeps its id when approved.
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Text).HasMaxLength(PostText.DefaultMaxLength * 2);
        builder.Property(h => h.Channel).HasMaxLength(Tag.MaxLength);
        builder.Property(h => h.Tag).HasMaxLength(Tag.MaxLength);
        builder.Property(h => h.RejectReason).HasMaxLength(PremoderationMessages.RejectReasonMaxLength);
        builder.HasIndex(h => new { h.AuthorId, h.ClientId }).IsUnique();
        // The desk reads a tag's queue oldest first and watches its newest id.
        builder.HasIndex(h => new { h.Tag, h.Id });
        builder.HasOne(h => h.Author).WithMany().HasForeignKey(h => h.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
