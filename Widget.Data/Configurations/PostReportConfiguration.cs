using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class PostReportConfiguration : IEntityTypeConfiguration<PostReport>
{
    public const int ReasonMaxLength = 500;

    public void Configure(EntityTypeBuilder<PostReport> builder)
    {
        builder.Property(r => r.Tag).HasMaxLength(Tag.MaxLength);
        builder.Property(r => r.Reason).HasMaxLength(ReasonMaxLength);
        // One report per person and post: reporting again changes nothing.
        builder.HasIndex(r => new { r.PostId, r.ReporterId }).IsUnique();
        builder.HasIndex(r => new { r.Tag, r.Id });
        builder.HasOne<PostEntry>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}
