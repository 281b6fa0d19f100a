namespace Widget.Web.Hosting;

/// <summary>
/// A site set up at start so the service can be tried at once: browsing together, visitors' pods and calls on, owned by whoever
/// signs in as <see cref="OwnerLogin"/> at the provider <see cref="OwnerProvider"/>. Empty <see cref="Site"/>, the
/// default, sets up nothing; a site already claimed is left as its owner made it.
/// </summary>
public sealed class DemoSiteOptions
{
    public const string Section = "Demo";

    public string Site { get; set; } = "";

    /// <summary>A key of <c>Auth:Providers</c>.</summary>
    public string OwnerProvider { get; set; } = "";

    /// <summary>The account's subject at that provider.</summary>
    public string OwnerLogin { get; set; } = "";
}
