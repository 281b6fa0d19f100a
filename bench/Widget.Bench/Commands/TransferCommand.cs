using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Widget.Bench.Cli;
using Widget.Bench.Net;
using Widget.Bench.Results;

namespace Widget.Bench.Commands;

/// <summary>
/// <c>transfer</c>: what a browser downloads to show the widget: the page, then the stylesheets and
/// scripts it names, each asked for with <c>Accept-Encoding: gzip, br</c>; bytes as sent on the wire
/// (body after any content encoding) and as decoded.
/// </summary>
public static partial class TransferCommand
{
    public static async Task<int> RunAsync(Arguments args, CancellationToken ct)
    {
        var page = new Uri(args.Required("url"));
        using var http = new HttpClient(Loopback.Handler([IPAddress.Loopback]));
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");

        var assets = new List<Asset>();
        var html = await FetchAsync(http, page, "html", assets, ct);
        foreach (Match m in AssetReference().Matches(html))
        {
            var type = m.Groups["tag"].Value == "link" ? "css" : "script";
            var script = await FetchAsync(http, new Uri(page, m.Groups["url"].Value), type, assets, ct);
            foreach (Match import in StaticImport().Matches(type == "script" ? script : ""))
            {
                await FetchAsync(http, new Uri(page, import.Groups["url"].Value), "script", assets, ct);
            }
        }

        var result = new TransferResult(args.Required("target"), [.. assets], assets.Sum(a => a.Transferred), assets.Sum(a => a.Uncompressed));
        new ResultFile(args.Required("out")).Write(result);
        foreach (var a in assets)
        {
            Console.WriteLine($"transfer {a.Url}: {a.Transferred} bytes ({a.Encoding ?? "identity"}), {a.Uncompressed} decoded");
        }

        Console.WriteLine($"transfer total: {result.Transferred} bytes on the wire, {result.Uncompressed} decoded");
        return 0;
    }

    private static async Task<string> FetchAsync(HttpClient http, Uri url, string type, List<Asset> assets, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        response.EnsureSuccessStatusCode();
        var wire = await response.Content.ReadAsByteArrayAsync(ct);
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        var decoded = Decode(wire, encoding);
        assets.Add(new Asset(url.AbsolutePath, type, encoding, wire.Length, decoded.Length));
        return Encoding.UTF8.GetString(decoded);
    }

    private static byte[] Decode(byte[] wire, string? encoding)
    {
        if (encoding is null)
        {
            return wire;
        }

        using var input = new MemoryStream(wire);
        using Stream decoder = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new NotSupportedException("content encoding " + encoding),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("""<(?<tag>link|script)\b[^>]*?\b(?:href|src)="(?<url>[^"]+)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();

    /// <summary>Module imports of other files by a bundled script (esbuild keeps relative specifiers in quotes).</summary>
    [GeneratedRegex("""(?:\bfrom|\bimport)\s*\(?\s*["'](?<url>\.{0,2}/[^"']+\.js)["']""")]
    private static partial Regex StaticImport();
}
