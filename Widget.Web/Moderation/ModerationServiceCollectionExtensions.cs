using Microsoft.AspNetCore.SignalR;

namespace Widget.Web.Moderation;

public static class ModerationServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IUserIdProvider, UserIds>();
        builder.Services.AddScoped<ModeratorAccess>();
        builder.Services.AddScoped<ModerationService>();
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddSingleton<DeskNudges>();
        builder.Services.AddSingleton<HeldPostFeed>();
        builder.Services.AddSingleton<BanEnds>();
        builder.Services.AddScoped<PostHolding>();
        builder.Services.AddScoped<PremoderationService>();
        builder.Services.AddScoped<OwnViewReader>();
        builder.Services.AddTransient<DeskWatch>();
        return builder;
    }
}
