using System.Globalization;

namespace Widget.Bench.Cli;

/// <summary><c>--name value</c> pairs; a name may repeat, and a bare <c>--flag</c> means "true".</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public static Arguments Parse(IEnumerable<string> args)
    {
        var parsed = new Arguments();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    parsed.Add(name, "true");
                }

                name = arg[2..];
            }
            else if (name is not null)
            {
                parsed.Add(name, arg);
                name = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }

        if (name is not null)
        {
            parsed.Add(name, "true");
        }

        return parsed;
    }

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentException($"--{name} is required");

    public string? Optional(string name) => values.TryGetValue(name, out var list) ? list[^1] : null;

    public string Text(string name, string fallback) => Optional(name) ?? fallback;

    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    public int WholeNumber(string name, int fallback) =>
        Optional(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) =>
        Optional(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => Optional(name) is "true" or "1" or "yes";

    private void Add(string name, string value)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }

        list.Add(value);
    }
}
