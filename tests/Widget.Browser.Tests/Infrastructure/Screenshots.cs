using Widget.Testing;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>Where screenshots go for people to look at: .artifacts/screenshots under the repository root.</summary>
internal static class Screenshots
{
    public static string PathFor(string fileName)
    {
        var directory = Path.Combine(RepoRoot.Path, ".artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
