using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Widget.Data;

namespace Widget.Web.Hosting;

public static class DataHostingExtensions
{
    public static WebApplicationBuilder AddWidgetData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Widget")
            ?? throw new InvalidOperationException("Set ConnectionStrings:Widget (ConnectionStrings__Widget) to a Postgres connection string.");
        builder.Services.AddWidgetData(connectionString);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDataProtection().SetApplicationName("widget").PersistKeysToDbContext<WidgetDbContext>();
        return builder;
    }

    /// <summary>Applies pending migrations; EF Core takes a database lock, so nodes starting together are safe.</summary>
    public static async Task MigrateWidgetDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WidgetDbContext>().Database.MigrateAsync(app.Lifetime.ApplicationStopping);
    }
}
