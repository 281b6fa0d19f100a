using Microsoft.EntityFrameworkCore;

namespace Widget.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        // Building the model needs no server: this is the comparison `dotnet ef migrations add` makes.
        var options = new DbContextOptionsBuilder<WidgetDbContext>();
        options.UseWidgetNpgsql("Host=127.0.0.1;Database=widget");
        using var db = new WidgetDbContext(options.Options);

        Assert.True(db.Database.GetMigrations().Any(), "Widget.Data has no migrations.");
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last migration. Add one with " +
            "`dotnet ef migrations add NAME --project Widget.Data --startup-project Widget.Data`.");
    }
}
