using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
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
        var ct = app.Lifetime.ApplicationStopping;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetDbContext>();
        // EF reads the history before it creates the table, so an empty database's first start would log that read as a failed command.
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        }

        await db.Database.MigrateAsync(ct);
    }
}
