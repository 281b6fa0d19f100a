namespace Widget.Testing;

/// <summary>The checkout the tests run from, found from the test binaries' location.</summary>
public static class RepoRoot
{
    // `dotnet new sln` writes the .slnx format from .NET 10 on, so either marks the root.
    private static readonly string[] SolutionFiles = ["Widget.sln", "Widget.slnx"];

    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (SolutionFiles.Any(file => File.Exists(System.IO.Path.Combine(directory.FullName, file))))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains Widget.sln.");
    }
}
