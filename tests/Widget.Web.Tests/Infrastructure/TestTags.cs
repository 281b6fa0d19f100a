namespace Widget.Web.Tests.Infrastructure;

internal static class TestTags
{
    /// <summary>A tag no other test uses.</summary>
    public static string New() => "t" + Guid.NewGuid().ToString("N")[..12];
}
