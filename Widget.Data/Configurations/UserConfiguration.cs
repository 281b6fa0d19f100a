using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const int DisplayNameMaxLength = 100;

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(DisplayNameMaxLength);
    }
}
