using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Reactions;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class PostReactionConfiguration : IEntityTypeConfiguration<PostReaction>
{
    public void Configure(EntityTypeBuilder<PostReaction> builder)
    {
        builder.ToTable("post_reactions");
        // The key makes adding twice a no-op, and its post_id prefix serves the counts of a page of posts.
        builder.HasKey(r => new { r.PostId, r.UserId, r.Emoji });
        builder.Property(r => r.Emoji).HasMaxLength(ReactionSet.MaxLength);
        // Deleting an account deletes its reactions through this index.
        builder.HasIndex(r => r.UserId);
        builder.HasOne<PostEntry>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
