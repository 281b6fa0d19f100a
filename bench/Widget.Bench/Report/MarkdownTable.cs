using System.Text;

namespace Widget.Bench.Report;

/// <summary>A GitHub-flavoured Markdown table, columns padded so it also reads as plain text.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public int Count => rows.Count;

    public void Add(params string[] cells) => rows.Add(cells);

    public override string ToString()
    {
        var widths = headers.Select((h, i) => rows.Select(r => i < r.Length ? r[i].Length : 0).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        Line(text, headers, widths);
        text.Append('|').AppendJoin('|', widths.Select(w => new string('-', w + 2))).Append("|\n");
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (var i = 0; i < widths.Length; i++)
        {
            text.Append(' ').Append((i < cells.Length ? cells[i] : "").PadRight(widths[i])).Append(" |");
        }

        text.Append('\n');
    }
}
