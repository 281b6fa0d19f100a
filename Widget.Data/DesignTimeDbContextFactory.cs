using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Widget.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web host; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WidgetDbContext>
{
    public WidgetDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WidgetDbContext>();
        options.UseWidgetNpgsql("Host=127.0.0.1;Database=widget");
        return new WidgetDbContext(options.Options);
    }
}
