namespace Widget.Core.Text;

/// <summary>
/// Words for a person, as a key into the visitor resource files and its arguments, so that the edge that
/// answers them says it in their language. Arguments are strings, numbers, instants (sent as ISO 8601, for the
/// reader's own clock) or other notices.
/// </summary>
/// <param name="Count">Set for a key whose wording follows a number's plural form; the number is also <c>{0}</c>.</param>
public sealed record Notice(string Key, IReadOnlyList<object> Args, long? Count = null)
{
    public static Notice Of(string key, params object[] args) => new(key, args);

    /// <summary>The key's form for <paramref name="count"/> (one, few, many, other): "1 post", "2 posts".</summary>
    public static Notice Plural(string key, long count) => new(key, [count], count);

    /// <summary>Whole seconds to wait, never 0: "try again in 0 s" would be a lie.</summary>
    public static Notice Seconds(TimeSpan wait) => Plural("Seconds", Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)));
}
