namespace Widget.Browser.Tests.Infrastructure;

internal static class TestTags
{
    /// <summary>A tag no other test uses.</summary>
    public static string New() => "b" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A login no other test uses, so each test's visitor is a new user.</summary>
    public static string NewLogin() => "user" + Guid.NewGuid().ToString("N")[..10];
}
