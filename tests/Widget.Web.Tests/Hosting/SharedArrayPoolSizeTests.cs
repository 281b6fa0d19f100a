using Widget.Web.Hosting;

namespace Widget.Web.Tests.Hosting;

/// <summary>Alone, because it changes a variable of the whole process, which starting the service also sets.</summary>
[CollectionDefinition(nameof(SharedArrayPoolSizeTests), DisableParallelization = true)]
public sealed class SharedArrayPoolSizeCollection;

/// <summary>The pool size the service starts with, and an operator's own value winning over it.</summary>
[Collection(nameof(SharedArrayPoolSizeTests))]
public sealed class SharedArrayPoolSizeTests
{
    [Fact]
    public void WithNothingSet_TheServiceSetsItsSize()
    {
        WithVariable(null, () =>
        {
            SharedArrayPoolSize.Apply();

            Assert.Equal("512", Environment.GetEnvironmentVariable(SharedArrayPoolSize.Variable));
        });
    }

    [Fact]
    public void AnOperatorsValue_IsKept()
    {
        WithVariable("64", () =>
        {
            SharedArrayPoolSize.Apply();

            Assert.Equal("64", Environment.GetEnvironmentVariable(SharedArrayPoolSize.Variable));
        });
    }

    private static void WithVariable(string? value, Action test)
    {
        var before = Environment.GetEnvironmentVariable(SharedArrayPoolSize.Variable);
        Environment.SetEnvironmentVariable(SharedArrayPoolSize.Variable, value);
        try
        {
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable(SharedArrayPoolSize.Variable, before);
        }
    }
}
