using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Widget.Data;

public static class NpgsqlOptionsExtensions
{
    public static DbContextOptionsBuilder UseWidgetNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseWidgetNpgsql(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();
}
