namespace Widget.Bench.Report;

/// <summary>
/// Puts the generated part of docs/benchmarks.md between its two markers, leaving the written
/// analysis around it alone; a file without markers gets them appended.
/// </summary>
public static class BenchDoc
{
    public const string Begin = "<!-- bench:results:begin (written by bench/run.sh; edits inside are overwritten) -->";
    public const string End = "<!-- bench:results:end -->";

    public static void Write(string path, string generated)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        var start = existing.IndexOf(Begin, StringComparison.Ordinal);
        var stop = existing.IndexOf(End, StringComparison.Ordinal);
        var block = Begin + "\n" + generated.TrimEnd() + "\n" + End;
        var text = start >= 0 && stop > start
            ? existing[..start] + block + existing[(stop + End.Length)..]
            : existing.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}
