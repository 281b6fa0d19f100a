using Npgsql;

namespace Widget.Data.Batching;

/// <summary>
/// A list of values per item of a batch, as a statement takes it: two parallel array parameters, each value
/// beside its item's 1-based ordinal, to be unnested and joined on that ordinal (Postgres arrays cannot nest
/// lists of different lengths).
/// </summary>
internal static class OrdinalPairs
{
    public static void AddTo<T>(NpgsqlParameterCollection parameters, IEnumerable<T> items, Func<T, IEnumerable<string>> values)
    {
        var pairs = items.SelectMany((item, i) => values(item).Select(value => (Ord: i + 1L, Value: value))).ToArray();
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = pairs.Select(p => p.Ord).ToArray() });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = pairs.Select(p => p.Value).ToArray() });
    }
}
