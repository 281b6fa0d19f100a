using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class PostEntryConfiguration : IEntityTypeConfiguration<PostEntry>
{
    public void Configure(EntityTypeBuilder<PostEntry> builder)
    {
        builder.ToTable("posts");
        builder.Property(p => p.Text).HasMaxLength(PostText.DefaultMaxLength * 2);
        builder.Property(p => p.Channel).HasMaxLength(Tag.MaxLength);
        builder.HasIndex(p => new { p.AuthorId, p.ClientId }).IsUnique();
        // Slow mode asks for a user's latest post in a channel.
        builder.HasIndex(p => new { p.AuthorId, p.Channel, p.CreatedAt });
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
