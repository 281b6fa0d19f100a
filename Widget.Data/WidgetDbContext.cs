using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Widget.Data.Entities;

namespace Widget.Data;

/// <summary>
/// The service's database. Add a migration with
/// <c>dotnet ef migrations add NAME --project Widget.Data --startup-project Widget.Data</c>;
/// migrations apply when the service starts.
/// </summary>
public sealed class WidgetDbContext(DbContextOptions<WidgetDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<ExternalLogin> ExternalLogins => Set<ExternalLogin>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<SignInHandoff> SignInHandoffs => Set<SignInHandoff>();

    public DbSet<PostEntry> Posts => Set<PostEntry>();

    public DbSet<PostTag> PostTags => Set<PostTag>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<ChannelModerator> ChannelModerators => Set<ChannelModerator>();

    public DbSet<ChannelRules> ChannelRules => Set<ChannelRules>();

    public DbSet<ChannelBan> ChannelBans => Set<ChannelBan>();

    public DbSet<PostReaction> PostReactions => Set<PostReaction>();

    public DbSet<PostReport> PostReports => Set<PostReport>();

    public DbSet<HeldPostEntry> HeldPosts => Set<HeldPostEntry>();

    public DbSet<ModerationLogEntry> ModerationLog => Set<ModerationLogEntry>();

    /// <summary>Shared by every node, so a cookie or token made on one node is read on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WidgetDbContext).Assembly);
}
