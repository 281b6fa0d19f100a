using Npgsql;

namespace Widget.Web.Hosting;

/// <summary>
/// Whether a failure means "the database is briefly away, try again". EF Core wraps Npgsql's error in
/// an InvalidOperationException ("likely due to a transient failure"), so the whole chain is read.
/// </summary>
public static class TransientDatabaseError
{
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
