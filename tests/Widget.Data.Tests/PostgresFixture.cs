using Widget.Data.Tests;
using Widget.Testing;

[assembly: AssemblyFixture(typeof(PostgresFixture))]

namespace Widget.Data.Tests;

/// <summary>One Postgres server and migrated template for the whole assembly; each test copies its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private WidgetDatabases? databases;

    public WidgetDatabases Databases =>
        databases ?? throw new InvalidOperationException("The Postgres fixture has not started.");

    public async ValueTask InitializeAsync() =>
        databases = await WidgetDatabases.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (databases is not null)
        {
            await databases.DisposeAsync();
            databases = null;
        }
    }
}
