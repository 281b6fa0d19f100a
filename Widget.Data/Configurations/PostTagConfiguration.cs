using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class PostTagConfiguration : IEntityTypeConfiguration<PostTag>
{
    public void Configure(EntityTypeBuilder<PostTag> builder)
    {
        // (tag, seq) serves both "newest of a tag" (backwards) and "after seq N" (forwards).
        builder.HasKey(t => new { t.Tag, t.Seq });
        builder.Property(t => t.Tag).HasMaxLength(Tag.MaxLength);
        builder.HasIndex(t => new { t.PostId, t.Tag }).IsUnique();
        // The desk lists what was hidden from its tag, most recently first; shown rows, nearly all, stay out of it.
        builder.HasIndex(t => new { t.Tag, t.HiddenAt }).HasFilter("hidden_at IS NOT NULL");
        builder.HasOne(t => t.Post).WithMany(p => p.Tags).HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
