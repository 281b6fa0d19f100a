using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Entities;
using Widget.Data.Posts;

namespace Widget.Data.Configurations;

internal sealed class PostEntryConfiguration : IEntityTypeConfiguration<PostEntry>
{
    public void Configure(EntityTypeBuilder<PostEntry> builder)
    {
        builder.ToTable("posts");
        builder.Property(p => p.Text).HasMaxLength(PostText.DefaultMaxLength * 2);
        builder.Property(p => p.Channel).HasMaxLength(Tag.MaxLength);
        builder.HasIndex(p => new { p.AuthorId, p.ClientId }).IsUnique();
        // A profile pages by (author, id); the front page's "active tags" scans the last day by time.
        builder.HasIndex(p => new { p.AuthorId, p.Id });
        builder.HasIndex(p => p.CreatedAt);
        // 'russian' stems Russian words and sends ASCII words to the English stemmer; 'simple' adds every
        // word as written, so names and words of other languages match exactly. One stored column, one GIN index.
        builder.Property(p => p.SearchVector)
            .HasComputedColumnSql($"to_tsvector('{PostSearch.StemmedConfig}', text) || to_tsvector('{PostSearch.ExactConfig}', text)", stored: true);
        builder.HasIndex(p => p.SearchVector).HasMethod("GIN");
        // Slow mode asks for a user's latest post in a channel.
        builder.HasIndex(p => new { p.AuthorId, p.Channel, p.CreatedAt });
        // A thread's replies are read by their root. Deleting a root's row (with its author's account) keeps
        // the replies, which are other people's words, as posts of their own.
        builder.HasIndex(p => p.ReplyToId).HasFilter("reply_to_id IS NOT NULL");
        builder.HasOne(p => p.ReplyTo).WithMany().HasForeignKey(p => p.ReplyToId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
