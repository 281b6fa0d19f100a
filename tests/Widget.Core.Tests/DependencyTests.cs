using Widget.Core.Tags;

namespace Widget.Core.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void Core_ReferencesNeitherAspNetCoreNorEntityFramework()
    {
        var references = typeof(Tag).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.StartsWith("Npgsql", StringComparison.Ordinal));
    }
}
