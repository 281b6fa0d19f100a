using Npgsql;

namespace Widget.Data.Tests;

public sealed class WidgetDataSourceTests
{
    [Fact]
    public void PreparesHotStatementsUnlessTheConnectionStringSaysOtherwise()
    {
        using var defaults = WidgetDataSource.Create("Host=127.0.0.1;Database=widget");
        using var chosen = WidgetDataSource.Create("Host=127.0.0.1;Database=widget;Max Auto Prepare=0");
        using var spelledOtherwise = WidgetDataSource.Create("Host=127.0.0.1;Database=widget;maxautoprepare=8");

        Assert.Equal(64, new NpgsqlConnectionStringBuilder(defaults.ConnectionString).MaxAutoPrepare);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(chosen.ConnectionString).MaxAutoPrepare);
        Assert.Equal(8, new NpgsqlConnectionStringBuilder(spelledOtherwise.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void KeepsSessionsAsTheyAreOnReturnToThePoolUnlessTheConnectionStringSaysOtherwise()
    {
        using var defaults = WidgetDataSource.Create("Host=127.0.0.1;Database=widget");
        using var chosen = WidgetDataSource.Create("Host=127.0.0.1;Database=widget;No Reset On Close=false");

        Assert.True(new NpgsqlConnectionStringBuilder(defaults.ConnectionString).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(chosen.ConnectionString).NoResetOnClose);
    }
}
