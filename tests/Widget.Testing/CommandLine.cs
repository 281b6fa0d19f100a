namespace Widget.Testing;

/// <summary>What to run as a <see cref="ChildProcess"/>.</summary>
public sealed record CommandLine(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Variables set on top of the test host's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }

    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
