using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Widget.Data.Entities;

namespace Widget.Data.Configurations;

internal sealed class SignInHandoffConfiguration : IEntityTypeConfiguration<SignInHandoff>
{
    public void Configure(EntityTypeBuilder<SignInHandoff> builder)
    {
        builder.HasKey(h => h.NonceHash);
        builder.HasIndex(h => h.ExpiresAt);
        builder.HasOne<UserSession>().WithMany().HasForeignKey(h => h.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
