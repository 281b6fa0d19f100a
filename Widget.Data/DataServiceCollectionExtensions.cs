using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Widget.Data.Accounts;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Data.Reactions;
using Widget.Data.Sites;

namespace Widget.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="NpgsqlDataSource"/> serves both EF Core and the hand-written write path,
    /// so they share one connection pool.
    /// </summary>
    public static IServiceCollection AddWidgetData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => WidgetDataSource.Create(connectionString));
        services.AddDbContextPool<WidgetDbContext>((sp, options) =>
            options.UseWidgetNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<PostQueries>();
        services.AddSingleton<PostOrder>();
        services.AddSingleton<PostCommitQueue>();
        services.AddScoped<PostWriter>();
        services.AddScoped<PostEditor>();
        services.AddScoped<PostPlaces>();
        services.AddScoped<Threads>();
        services.AddScoped<ReactionStore>();
        services.AddScoped<PublicQueries>();
        services.AddScoped<PostSearch>();
        services.AddScoped<AccountStore>();
        services.AddScoped<SignInHandoffs>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<SiteStore>();
        services.AddScoped<SiteHandovers>();
        services.AddScoped<ChannelRoles>();
        services.AddScoped<ModerationStore>();
        services.AddScoped<ChannelRulesStore>();
        services.AddScoped<PostReports>();
        services.AddSingleton<PostingChecks>();
        services.AddScoped<HeldPosts>();
        services.AddScoped<HeldPostApprover>();
        services.AddScoped<OwnPosts>();
        services.AddScoped<DeskWatermarks>();
        return services;
    }
}
