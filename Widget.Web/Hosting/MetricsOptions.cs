namespace Widget.Web.Hosting;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve the Prometheus scrape endpoint at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Answer scrapes from any address, not only loopback and private networks. Off by default: the
    /// figures are not secret, but they are nobody else's business and cost CPU to produce.
    /// </summary>
    public bool AllowPublicScrape { get; set; }
}
